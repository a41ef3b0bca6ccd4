package org.qvd.vma.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.qvd.vma.session.entity.SessionRequest;

class NxOptionsTest {
    private static final String COOKIE = "0123456789abcdef0123456789abcdef";

    private static SessionRequest request(int width, int height, boolean fullscreen) {
        return new SessionRequest(
                "alice", null, null, "pc105/de", width, height, fullscreen, "adsl", "linux", COOKIE, null);
    }

    @Test
    void writesOneLineEndingWithTheDisplay() {
        String line =
                NxOptions.optionsLine(request(1280, 800, false), 100, 4100, false, Path.of("/run/qvd/session/nx"));
        assertThat(line)
                .isEqualTo(
                        "nx/nx,link=adsl,cache=8M,images=32M,cookie=" + COOKIE
                                + ",listen=4100,root=/run/qvd/session/nx,keyboard=pc105/de,client=linux,geometry=1280x800,fullscreen=0:100\n");
    }

    @Test
    void asksForFullscreenInsteadOfGeometryWhenTheClientWantsTheWholeScreen() {
        String line = NxOptions.optionsLine(request(1280, 800, true), 100, 4100, false, Path.of("/r"));
        assertThat(line).contains(",fullscreen=1:100").doesNotContain("geometry=");
    }

    @Test
    void bindsLoopbackOnlyWhenConfigured() {
        assertThat(NxOptions.optionsLine(request(0, 0, false), 7, 4107, true, Path.of("/r")))
                .contains(",listen=4107,loopback=1,")
                .endsWith(":7\n")
                .doesNotContain("geometry")
                .doesNotContain("fullscreen");
    }

    /** QVD 4's {@code nxproxy -S} presents no cookie: none in the options, and only the L7R's address may attach. */
    @Test
    void writesNoCookieButTheAcceptedAddressForACookielessClient() {
        SessionRequest cookieless = new SessionRequest(
                "alice",
                null,
                null,
                "pc105/es",
                1024,
                768,
                false,
                "adsl",
                "linux",
                null,
                null,
                "ffeeddccbbaa99887766554433221100",
                "10.3.0.1");
        assertThat(NxOptions.optionsLine(cookieless, 100, 4100, false, Path.of("/r")))
                .isEqualTo("nx/nx,link=adsl,cache=8M,images=32M,listen=4100,accept=10.3.0.1,root=/r,keyboard=pc105/es,"
                        + "client=linux,geometry=1024x768,fullscreen=0:100\n");
    }

    @Test
    void writesAWildcardXauthorityEntry() {
        byte[] entry = NxOptions.xauthority(100, COOKIE);
        String hex = HexFormat.of().formatHex(entry);
        // family 0xffff, empty address, number "100", name, 16 bytes of cookie
        assertThat(hex)
                .isEqualTo("ffff" + "0000" + "0003" + "313030" + "0012"
                        + HexFormat.of().formatHex("MIT-MAGIC-COOKIE-1".getBytes()) + "0010" + COOKIE);
    }
}
