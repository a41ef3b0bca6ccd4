/** WAT page of an administrator's own second factor (TOTP enrolment with a QR code). */
package org.qvd.wat.totp.boundary;
