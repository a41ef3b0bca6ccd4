/** REST boundary of tenants' user directories (services in qvd-ejb's {@code org.qvd.vmas.directory}). */
package org.qvd.api.directory.boundary;
