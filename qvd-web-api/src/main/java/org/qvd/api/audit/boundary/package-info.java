/** REST boundary of the audit log (service in qvd-ejb's package of the same name). */
package org.qvd.api.audit.boundary;
