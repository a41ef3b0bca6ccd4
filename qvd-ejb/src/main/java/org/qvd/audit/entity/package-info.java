/** The audit log of every admin action. */
package org.qvd.audit.entity;
