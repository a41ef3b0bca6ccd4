/** Writing audit entries for the interceptors. */
package org.qvd.audit.control;
