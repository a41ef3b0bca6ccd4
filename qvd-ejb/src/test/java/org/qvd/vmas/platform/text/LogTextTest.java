package org.qvd.vmas.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qvd.vmas.platform.audit.AuditArguments;

class LogTextTest {

    @Test
    void aForgedLineStaysOnOneLine() {
        String login = "bob\n2026-12-06 01:00:00,000 SEVERE [x] superadmin logged in\r\u001b[31mred\u0000";
        String escaped = LogText.escape(login);
        assertThat(escaped)
                .doesNotContain("\n", "\r", "\u001b", "\u0000")
                .isEqualTo("bob\\n2026-12-06 01:00:00,000 SEVERE [x] superadmin logged in\\r\\u001b[31mred\\u0000");
    }

    @Test
    void escapesCannotBeFakedAndUnicodeLineBreaksAreVisible() {
        assertThat(LogText.escape("a\\nb")).isEqualTo("a\\\\nb");
        assertThat(LogText.escape("a\u2028b\u0085c\u202ed\u007f")).isEqualTo("a\\u2028b\\u0085c\\u202ed\\u007f");
        assertThat(LogText.escape("ñandú@acme")).isEqualTo("ñandú@acme");
        assertThat(LogText.escape(null)).isEqualTo("null");
    }

    @Test
    void longTextIsCut() {
        assertThat(LogText.escape("x".repeat(10_000)))
                .startsWith("x".repeat(LogText.MAX))
                .endsWith("(10000 characters)")
                .hasSizeLessThan(LogText.MAX + 30);
    }

    // public: the audit reads records by reflection from its own package, as it reads every DTO
    public record Description(String name, String description) {}

    @SuppressWarnings("unused")
    void update(Long id, Description request) {}

    @SuppressWarnings("unused")
    void tags(java.util.List<String> names) {}

    @Test
    void quotedTextCannotCloseItsQuotesEarly() {
        assertThat(LogText.quoted("eve' from 10.0.0.1 ok\n")).isEqualTo("'eve\\' from 10.0.0.1 ok\\n'");
        assertThat(LogText.quoted(null)).isEqualTo("null");
    }

    @Test
    void aNulAnywhereInTheArgumentsIsNamed() throws Exception {
        java.lang.reflect.Method m = LogTextTest.class.getDeclaredMethod("update", Long.class, Description.class);
        assertThat(TextInput.violations(m.getParameters(), new Object[] {1L, new Description("ok", "a\u0000b")}))
                .containsExactly("request.description: must not contain NUL characters");
        assertThat(TextInput.violations(
                        m.getParameters(), new Object[] {1L, new Description("ok", "tab\tand\nnewline")}))
                .isEmpty();
    }

    @Test
    void theAuditKeepsABoundedPartOfHugeArguments() throws Exception {
        java.lang.reflect.Method m = LogTextTest.class.getDeclaredMethod("update", Long.class, Description.class);
        String json =
                AuditArguments.json(m.getParameters(), new Object[] {1L, new Description("n", "a".repeat(10_000_000))});
        assertThat(json).hasSizeLessThan(AuditArguments.MAX_TEXT + 100).contains("(10000000 characters)");
        java.lang.reflect.Method t = LogTextTest.class.getDeclaredMethod("tags", java.util.List.class);
        String tags = AuditArguments.json(
                t.getParameters(), new Object[] {java.util.Collections.nCopies(1000, "b".repeat(200))});
        assertThat(tags).hasSizeLessThan(AuditArguments.MAX_TOTAL + 100).startsWith("{\"truncated\":\"");
    }
}
