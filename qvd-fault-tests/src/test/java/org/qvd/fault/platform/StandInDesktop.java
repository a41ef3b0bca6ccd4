package org.qvd.fault.platform;

import java.io.IOException;
import org.qvd.launcher.QvdSystem;

/**
 * A user's desktop VM ({@link DesktopVm}) whose guest stands in on this machine
 * ({@link org.qvd.testsupport.StandInDesktop}: a VMA whose session is {@code listening} at once and an NX agent that
 * echoes every byte), so bytes written into a client's tunnel come back only while the whole path (client, L7R, VM)
 * carries them. The VM's row is left as it is at close: the fault may have taken the database with it.
 */
public final class StandInDesktop implements AutoCloseable {

    private final org.qvd.testsupport.StandInDesktop guest;
    private final DesktopVm vm;

    public StandInDesktop(QvdSystem system) throws IOException {
        vm = DesktopVm.create(system);
        guest = org.qvd.testsupport.StandInDesktop.start(
                org.qvd.testsupport.StandInDesktop.Vma.LISTENING, org.qvd.testsupport.StandInDesktop.Nx.ECHO);
        vm.pointAt(system, guest.vmaPort(), guest.nxPort(), null);
    }

    public DesktopVm vm() {
        return vm;
    }

    @Override
    public void close() throws IOException {
        guest.close();
    }
}
