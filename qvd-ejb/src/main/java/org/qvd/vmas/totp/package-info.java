/** Administrators' second factor: TOTP (RFC 6238), enrolled from the WAT with a QR code. */
package org.qvd.vmas.totp;
