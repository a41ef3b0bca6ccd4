/** TOTP codes (java-otp), secrets (Base32) and QR codes (ZXing) as SVG. */
package org.qvd.vmas.totp.control;
