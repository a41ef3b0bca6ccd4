package org.qvd.wat.totp.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.qvd.vmas.totp.boundary.TotpEnrolmentDto;
import org.qvd.vmas.totp.boundary.TotpService;
import org.qvd.wat.platform.Feedback;

/**
 * The logged-in administrator's second factor: enrol (a QR code and the secret as text, shown once in this view),
 * confirm with a first code from the app, or disable with a code.
 */
@Named
@ViewScoped
public class SecondFactorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TotpService totp;

    private boolean enabled;
    private transient TotpEnrolmentDto enrolment;
    private String code;

    @PostConstruct
    public void load() {
        try {
            enabled = totp.enabled();
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
    }

    public void enrol() {
        Feedback.run("totp.enrolled", () -> enrolment = totp.enrol());
    }

    public void confirm() {
        if (Feedback.run("totp.confirmed", () -> totp.confirm(code))) {
            enrolment = null;
        }
        code = null;
        load();
    }

    public void disable() {
        Feedback.run("totp.disabled", () -> totp.disable(code));
        code = null;
        load();
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isEnrolling() {
        return enrolment != null;
    }

    public String getSecret() {
        return enrolment == null ? null : enrolment.secret();
    }

    public String getQrSvg() {
        return enrolment == null ? null : enrolment.qrSvg();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
