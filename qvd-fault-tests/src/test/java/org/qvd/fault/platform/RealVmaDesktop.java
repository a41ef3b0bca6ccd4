package org.qvd.fault.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.qvd.launcher.QvdSystem;
import org.qvd.testsupport.RealVma;

/**
 * A user's desktop VM ({@link DesktopVm}) whose guest is replaced by what runs inside one: the real VMA with a real
 * nxagent on this machine's loopback ({@link RealVma}), with the VMA key a host would give it. No hypervisor, so a
 * WildFly crash leaves it exactly as it leaves a guest: running. The VM's row is left as it is at close.
 */
public final class RealVmaDesktop implements AutoCloseable {

    private final DesktopVm vm;
    private final RealVma vma;

    /** Why it cannot run here (a missing jar or program), or empty when it can. */
    public static Optional<String> missing() {
        return Optional.ofNullable(RealVma.missing("nxagent", "nxproxy", "Xvfb", "xprop", "xsetroot"));
    }

    public RealVmaDesktop(QvdSystem system, Path dir) throws Exception {
        vm = DesktopVm.create(system);
        vma = RealVma.start(dir);
        vm.pointAt(system, vma.httpPort(), vma.nxPort(), vma.key());
    }

    public DesktopVm vm() {
        return vm;
    }

    /** The X session's state as the VMA reports it ({@code x_state}). */
    public String xState() throws InterruptedException {
        return vma.xState();
    }

    public void awaitXState(Duration timeout, String wanted) {
        vma.awaitXState(timeout, wanted);
    }

    /** The nxagent process of the session (a descendant of the VMA), if one runs. */
    public Optional<Long> nxagentPid() {
        return vma.nxagentPid();
    }

    /** Sets a property on the session's root window, as any program on the desktop could. */
    public void mark(String value) throws Exception {
        vma.onDisplay("xprop", "-root", "-f", "QVD_FAULT_MARKER", "8s", "-set", "QVD_FAULT_MARKER", value);
    }

    /** Paints the desktop's background {@code rgb}, as a user's program would (the whole root window changes). */
    public void paintBackground(int rgb) throws Exception {
        vma.onDisplay("xsetroot", "-solid", String.format("#%06x", rgb));
    }

    /** The root window's marker, as a program on the desktop reads it now. */
    public String marker() throws Exception {
        return vma.onDisplay("xprop", "-root", "QVD_FAULT_MARKER").trim();
    }

    @Override
    public void close() {
        vma.close();
    }
}
