/** Writing audit entries for the interceptors. */
package org.qvd.vmas.audit.control;
