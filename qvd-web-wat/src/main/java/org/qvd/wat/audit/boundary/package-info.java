/** WAT screen for the audit log. */
package org.qvd.wat.audit.boundary;
