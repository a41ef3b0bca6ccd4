/** REST boundary of OSFs and DIs (services in qvd-ejb's package of the same name). */
package org.qvd.api.image.boundary;
