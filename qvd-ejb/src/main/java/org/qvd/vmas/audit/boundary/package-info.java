/** Querying the audit log. */
package org.qvd.vmas.audit.boundary;
