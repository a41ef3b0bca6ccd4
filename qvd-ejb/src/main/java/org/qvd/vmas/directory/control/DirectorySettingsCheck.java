package org.qvd.vmas.directory.control;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.security.GeneralSecurityException;
import org.qvd.vmas.directory.entity.DirectoryError;
import org.qvd.vmas.directory.entity.DirectorySettings;
import org.qvd.vmas.platform.error.InvalidInputException;

/**
 * Refuses settings that could not work or would be unsafe, with a clear error naming the field: a URL other than
 * {@code ldaps://} or {@code ldap://} with StartTLS (a password must never cross the network in clear), filters that
 * do not parse or do not use the login, DNs that are not DNs, a CA text without a certificate.
 */
public final class DirectorySettingsCheck {

    private DirectorySettingsCheck() {}

    public static DirectorySettings check(DirectorySettings s) {
        LDAPURL url;
        try {
            url = new LDAPURL(required(s.url(), "url"));
        } catch (LDAPException e) {
            throw invalid("url", "'" + s.url() + "' is not an LDAP URL (ldaps://host:636 or ldap://host:389)");
        }
        boolean ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
        if (ldaps && s.startTls()) {
            throw invalid("startTls", "StartTLS is for ldap:// URLs; an ldaps:// URL is TLS already");
        }
        if (!ldaps && !s.startTls()) {
            throw invalid("url", "a plain ldap:// URL needs startTls: passwords must not cross the network in clear");
        }
        if (!url.hostProvided()) {
            throw invalid("url", "the URL names no host");
        }
        if (s.caPem() != null && !s.caPem().isBlank()) {
            try {
                TlsTrust.certificates(s.caPem());
            } catch (GeneralSecurityException e) {
                throw invalid("caPem", "caPem holds no PEM certificate (-----BEGIN CERTIFICATE----- ...)");
            }
        }
        dn(s.bindDn(), "bindDn", false);
        dn(s.userBaseDn(), "userBaseDn", true);
        dn(s.groupBaseDn(), "groupBaseDn", false);
        filter(required(s.userFilter(), "userFilter"), "userFilter");
        if (!s.userFilter().contains("%u")) {
            throw invalid(
                    "userFilter",
                    "the user filter must contain %u (the login), e.g. (uid=%u) or " + "(sAMAccountName=%u)");
        }
        if (s.groupFilter() != null && !s.groupFilter().isBlank()) {
            filter(s.groupFilter(), "groupFilter");
        }
        if (s.cacheSeconds() < 0 || s.cacheSeconds() > 3600) {
            throw invalid("cacheSeconds", "cacheSeconds must be between 0 and 3600");
        }
        if (s.provisionTag() == null
                || s.provisionTag().isBlank()
                || s.provisionTag().length() > 64) {
            throw invalid("provisionTag", "provisionTag must name a DI tag (1 to 64 characters)");
        }
        return s;
    }

    private static void filter(String filter, String field) {
        try {
            Filter.create(LdapEndpoint.fill(filter, "x", "cn=x"));
        } catch (LDAPException e) {
            throw invalid(field, "'" + filter + "' is not an LDAP filter: " + e.getMessage());
        }
    }

    private static void dn(String dn, String field, boolean required) {
        if (dn == null || dn.isBlank()) {
            if (required) {
                throw invalid(field, field + " is required");
            }
            return;
        }
        if (!DN.isValidDN(dn)) {
            throw invalid(field, "'" + dn + "' is not a DN (e.g. ou=people,dc=example,dc=org)");
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field, field + " is required");
        }
        return value.trim();
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException(DirectoryError.INVALID_SETTINGS, field + ": " + message);
    }
}
