/** Enrolment for the calling administrator, and the second-factor check of admin logins. */
package org.qvd.vmas.totp.boundary;
