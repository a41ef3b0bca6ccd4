package org.qvd.vmas.totp.boundary;

/**
 * A new TOTP secret for the calling administrator, shown once: the Base32 text (to type into an app), the
 * {@code otpauth://} URI and its QR code as SVG. Becomes active when confirmed with a first code.
 */
public record TotpEnrolmentDto(String secret, String uri, String qrSvg) {

    @Override
    public String toString() {
        return "TotpEnrolmentDto[secret=***]";
    }
}
