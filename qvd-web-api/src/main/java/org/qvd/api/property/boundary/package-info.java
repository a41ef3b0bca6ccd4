/** REST boundary of properties (services in qvd-ejb's package of the same name). */
package org.qvd.api.property.boundary;
