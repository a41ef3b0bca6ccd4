/** An administrator's TOTP enrolment. */
package org.qvd.vmas.totp.entity;
