/** REST boundary of hosts (services in qvd-ejb's package of the same name). */
package org.qvd.api.host.boundary;
