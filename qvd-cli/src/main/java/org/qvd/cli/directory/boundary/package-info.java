/** qvd-admin commands for tenants' user directories. */
package org.qvd.cli.directory.boundary;
