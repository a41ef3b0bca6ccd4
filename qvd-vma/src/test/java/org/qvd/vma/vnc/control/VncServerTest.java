package org.qvd.vma.vnc.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qvd.protocol.state.XState;
import org.qvd.vma.session.control.SessionSupervisor;
import org.qvd.vma.session.entity.SessionUser;

/** x11vnc's command line: one connection, from the calling node only, read-only for View. */
class VncServerTest {
    private final VncSettings settings = new VncSettings(
            "/usr/bin/x11vnc",
            "/usr/bin/Xvfb",
            "/usr/bin/nxproxy",
            101,
            4100,
            Path.of("/run/qvd/vnc"),
            5900,
            30,
            "/usr/bin/xterm",
            false,
            true,
            30);
    private final SessionSupervisor.Attachable session = new SessionSupervisor.Attachable(
            new SessionUser("demo", 1000, 1000, Path.of("/home/demo")),
            100,
            Path.of("/run/qvd/session/xauthority"),
            "0123456789abcdef0123456789abcdef",
            XState.CONNECTED);

    @Test
    void viewIsReadOnlyAndAcceptsOnlyTheCallingNodeOnce() {
        List<String> view = VncServer.command(settings, session, VncMode.VIEW, "192.168.122.1");
        assertThat(view)
                .contains("-viewonly", "-once", "-shared")
                .containsSequence("-allow", "192.168.122.1")
                .containsSequence("-display", ":100")
                .containsSequence("-timeout", "30");
    }

    @Test
    void aViewingAdminGetsNoClipboardAndIsNotAskedForByDefault() {
        assertThat(VncServer.command(settings, session, VncMode.VIEW, "10.0.0.1"))
                .contains("-nosel")
                .doesNotContain("-accept");
    }

    @Test
    void assistAndViewWaitForTheUsersClickWhenConfigured() {
        assertThat(VncServer.command(settings, session, VncMode.ASSIST, "10.0.0.1"))
                .containsSequence("-accept", "popupmouse:30")
                .doesNotContain("-nosel");
        VncSettings both = new VncSettings(
                "/usr/bin/x11vnc",
                "/usr/bin/Xvfb",
                "/usr/bin/nxproxy",
                101,
                4100,
                Path.of("/run/qvd/vnc"),
                5900,
                30,
                "/usr/bin/xterm",
                true,
                false,
                12);
        assertThat(VncServer.command(both, session, VncMode.VIEW, "10.0.0.1"))
                .containsSequence("-accept", "popupmouse:12");
        assertThat(VncServer.command(both, session, VncMode.ASSIST, "10.0.0.1")).doesNotContain("-accept");
        assertThat(VncServer.command(both, session, VncMode.DESKTOP, "10.0.0.1"))
                .doesNotContain("-accept");
    }

    @Test
    void theNoticeNamesTheAdminAndTheModeAsAnArgumentNeverThroughTheShell() {
        List<String> notice = WatchNotice.command(settings, VncMode.VIEW, "boss@acme; rm -rf ~");
        assertThat(notice).contains("boss@acme; rm -rf ~ (administrator) is watching your desktop (view only).");
        assertThat(notice.get(notice.indexOf("-c") + 1)).doesNotContain("boss");
        assertThat(WatchNotice.text(VncMode.ASSIST, null)).startsWith("An administrator is using your desktop");
    }

    @Test
    void assistAndDesktopShareInput() {
        assertThat(VncServer.command(settings, session, VncMode.ASSIST, "10.0.0.1"))
                .doesNotContain("-viewonly");
        assertThat(VncServer.command(settings, session, VncMode.DESKTOP, "10.0.0.1"))
                .doesNotContain("-viewonly");
    }

    @Test
    void withoutACallerAddressOnlyLocalhost() {
        assertThat(VncServer.command(settings, session, VncMode.VIEW, null))
                .contains("-localhost")
                .doesNotContain("-allow");
    }
}
