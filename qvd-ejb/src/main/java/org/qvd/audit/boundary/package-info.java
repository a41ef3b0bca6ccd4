/** Querying the audit log. */
package org.qvd.audit.boundary;
