/** The audit log of every admin action. */
package org.qvd.vmas.audit.entity;
