package org.qvd.wat.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Whether the login page offers single sign-on: the system property {@code qvd.sso.enabled}, which
 * {@code oidc.cli} sets when it connects an OpenID Connect provider and deploys the single sign-on application.
 */
@Named
@ApplicationScoped
public class SsoLink {

    /** The single sign-on application's entry (qvd-sso.war, beside qvd.ear). */
    public static final String URL = "/sso/login";

    public boolean isEnabled() {
        return Boolean.getBoolean("qvd.sso.enabled");
    }

    public String getUrl() {
        return URL;
    }
}
