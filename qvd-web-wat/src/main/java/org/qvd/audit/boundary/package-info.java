/** WAT screen for the audit log. */
package org.qvd.audit.boundary;
