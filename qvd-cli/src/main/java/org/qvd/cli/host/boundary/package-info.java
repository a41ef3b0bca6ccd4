/** qvd-admin commands for the host component. */
package org.qvd.cli.host.boundary;
