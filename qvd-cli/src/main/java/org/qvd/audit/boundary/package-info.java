/** qvd-admin commands for the audit component. */
package org.qvd.audit.boundary;
