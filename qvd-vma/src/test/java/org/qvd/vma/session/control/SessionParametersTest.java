package org.qvd.vma.session.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qvd.vma.session.entity.SessionRequest;

class SessionParametersTest {
    private static final String COOKIE = "0123456789abcdef0123456789abcdef";

    private static Map<String, String> valid() {
        Map<String, String> params = new HashMap<>();
        params.put("qvd.vm.user.name", "alice");
        params.put("qvd.nx.cookie", COOKIE);
        return params;
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> params = valid();
        params.put(key, value);
        return params;
    }

    private static void assertRejected(Map<String, String> params, String parameter) {
        assertThatThrownBy(() -> SessionParameters.parse(params))
                .isInstanceOfSatisfying(
                        ParameterInvalidException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter));
    }

    @Test
    void acceptsAFullClientRequest() {
        Map<String, String> params = valid();
        params.put("qvd.vm.user.uid", "1500");
        params.put("qvd.vm.user.gid", "1500");
        params.put("qvd.client.keyboard", "pc105/es");
        params.put("qvd.client.geometry", "1280x800");
        params.put("qvd.client.link", "local");
        params.put("qvd.client.os", "darwin");
        params.put("qvd.client.fullscreen", "0");
        params.put("qvd.slave.key", "c2xhdmUta2V5LTEyMw==");
        params.put("qvd.vm.some.property", "ignored, even with , and =");
        SessionRequest request = SessionParameters.parse(params);
        assertThat(request)
                .isEqualTo(new SessionRequest(
                        "alice",
                        1500,
                        1500,
                        "pc105/es",
                        1280,
                        800,
                        false,
                        "lan",
                        "macosx",
                        COOKIE,
                        "c2xhdmUta2V5LTEyMw=="));
    }

    @Test
    void defaultsKeyboardAndLinkWhenAbsent() {
        SessionRequest request = SessionParameters.parse(valid());
        assertThat(request.keyboard()).isEqualTo("pc105/us");
        assertThat(request.link()).isEqualTo("adsl");
        assertThat(request.hasGeometry()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "root",
                "Alice",
                "al ice",
                "a;rm -rf /",
                "$(id)",
                "`id`",
                "../etc",
                "-oops",
                "a,b",
                "user:x",
                "a\nb",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                ""
            })
    void rejectsUnsafeOrReservedUserNames(String name) {
        assertRejected(with("qvd.vm.user.name", name), "qvd.vm.user.name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pc105/us,listen=5000", "pc105/us:0", "us", "pc105/us;id", "pc105/us/extra", "PC105/US"})
    void rejectsKeyboardsThatCouldInjectNxOptions(String keyboard) {
        assertRejected(with("qvd.client.keyboard", keyboard), "qvd.client.keyboard");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"1024x768,listen=1", "1024", "x768", "100x100", "99999x768", "1024X768", "-1x768", "1024x768+0+0"
            })
    void rejectsBadGeometry(String geometry) {
        assertRejected(with("qvd.client.geometry", geometry), "qvd.client.geometry");
    }

    @Test
    void rejectsUnknownLinkCookieOsUidAndFlag() {
        assertRejected(with("qvd.client.link", "fiber"), "qvd.client.link");
        assertRejected(with("qvd.nx.cookie", "0123456789ABCDEF0123456789ABCDEF"), "qvd.nx.cookie");
        assertRejected(with("qvd.nx.cookie", COOKIE + ",listen=1"), "qvd.nx.cookie");
        assertRejected(with("qvd.client.os", "plan9"), "qvd.client.os");
        assertRejected(with("qvd.vm.user.uid", "0"), "qvd.vm.user.uid");
        assertRejected(with("qvd.vm.user.uid", "1000;id"), "qvd.vm.user.uid");
        assertRejected(with("qvd.vm.user.gid", "70000"), "qvd.vm.user.gid");
        assertRejected(with("qvd.client.fullscreen", "maybe"), "qvd.client.fullscreen");
        assertRejected(with("qvd.slave.key", "short"), "qvd.slave.key");
    }

    @Test
    void requiresTheUserAndNamesItInTheMessage() {
        Map<String, String> params = valid();
        params.remove("qvd.vm.user.name");
        assertRejected(params, "qvd.vm.user.name");
        assertThatThrownBy(() -> SessionParameters.parse(params)).hasMessage("qvd.vm.user.name is required");
    }

    /** QVD 4's clients send no cookie (their nxproxy uses none): the session's display gets a random one. */
    @Test
    void servesAClientWithoutCookieWithARandomDisplayCookie() {
        Map<String, String> params = valid();
        params.remove("qvd.nx.cookie");
        SessionRequest first = SessionParameters.parse(params);
        assertThat(first.cookieless()).isTrue();
        assertThat(first.cookie()).isNull();
        assertThat(first.displayCookie()).matches("[0-9a-f]{32}");
        assertThat(SessionParameters.parse(params).displayCookie()).isNotEqualTo(first.displayCookie());
        assertThat(first.acceptingFrom("10.3.0.1").acceptFrom()).isEqualTo("10.3.0.1");
        params.put("qvd.nx.cookie", "");
        assertThat(SessionParameters.parse(params).cookieless()).isTrue();
    }

    @Test
    void aClientCookieIsAlsoTheDisplayCookieAndNeedsNoAddress() {
        SessionRequest request = SessionParameters.parse(valid());
        assertThat(request.displayCookie()).isEqualTo(COOKIE);
        assertThat(request.acceptingFrom("10.3.0.1").acceptFrom()).isNull();
    }
}
