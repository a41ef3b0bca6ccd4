/** qvd-admin commands for the audit component. */
package org.qvd.cli.audit.boundary;
