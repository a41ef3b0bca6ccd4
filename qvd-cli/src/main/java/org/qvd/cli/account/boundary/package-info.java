/** qvd-admin commands for the account component. */
package org.qvd.cli.account.boundary;
