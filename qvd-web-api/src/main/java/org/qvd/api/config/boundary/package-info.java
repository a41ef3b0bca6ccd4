/** REST boundary of configuration (services in qvd-ejb's package of the same name). */
package org.qvd.api.config.boundary;
