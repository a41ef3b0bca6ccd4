package org.qvd.client.nx.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.qvd.client.session.entity.Link;

class NxproxyLauncherTest {

    @Test
    void buildsTheViewerSideCommandAgainstTheForwardedPort() {
        NxproxyLauncher launcher = new NxproxyLauncher("/usr/bin/nxproxy", Path.of("/tmp/nx"), ":0");

        assertThat(launcher.command(Link.WAN, "0123456789abcdef0123456789abcdef", 40123, Path.of("/tmp/nx/s1")))
                .containsExactly(
                        "/usr/bin/nxproxy",
                        "-S",
                        "nx/nx,link=wan,cookie=0123456789abcdef0123456789abcdef,"
                                + "connect=127.0.0.1,port=40123,retry=5,root=/tmp/nx/s1,errors=/tmp/nx/s1/errors:40");
    }

    @Test
    void leavesTheCookieOutWhenThereIsNone() {
        assertThat(NxproxyLauncher.options(Link.LAN, null, 5000, Path.of("/r")))
                .isEqualTo("nx/nx,link=lan,connect=127.0.0.1,port=5000,retry=5,root=/r,errors=/r/errors:40");
    }

    @Test
    void generatesFreshCookiesOfTheFormNxAccepts() {
        String one = NxCookie.generate();

        assertThat(one).matches("[0-9a-f]{32}");
        assertThat(NxCookie.generate()).isNotEqualTo(one);
    }
}
