package org.qvd.client.session.boundary;

import java.util.List;
import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.ExitStatus;
import org.qvd.client.platform.UserConsole;
import org.qvd.client.session.control.SessionRunner;
import org.qvd.client.session.entity.VmSummary;

/** Shows the user's VMs and lets them pick one; the only VM is picked without asking, as QVD 4 did. */
final class VmPrompt implements SessionRunner.VmChooser {

    private final UserConsole console;

    VmPrompt(UserConsole console) {
        this.console = console;
    }

    static void print(UserConsole console, List<VmSummary> vms) {
        if (vms.isEmpty()) {
            console.info("You have no virtual machines on this server.");
            return;
        }
        console.info(String.format("%4s  %-8s %-10s %-24s", "#", "ID", "STATE", "NAME"));
        for (int i = 0; i < vms.size(); i++) {
            VmSummary vm = vms.get(i);
            console.info(String.format(
                    "%4d  %-8d %-10s %-24s%s",
                    i + 1, vm.id(), vm.state(), vm.name(), vm.blocked() ? " (blocked)" : ""));
        }
    }

    @Override
    public long choose(List<VmSummary> vms) {
        if (vms.isEmpty()) {
            throw new ClientException(ExitStatus.NO_SUCH_VM, "You have no virtual machines on this server.");
        }
        if (vms.size() == 1) {
            console.info("Using your only virtual machine: " + vms.get(0).name() + " (id "
                    + vms.get(0).id() + ").");
            return vms.get(0).id();
        }
        if (!console.interactive()) {
            throw new ClientException(
                    ExitStatus.USAGE,
                    "You have " + vms.size() + " virtual machines: choose one with --vm ID (see --list).");
        }
        print(console, vms);
        while (true) {
            String answer = console.ask("Choose a virtual machine [1-" + vms.size() + "]: ");
            if (answer == null) {
                throw new ClientException(ExitStatus.USAGE, "No virtual machine chosen.");
            }
            try {
                int index = Integer.parseInt(answer.strip());
                if (index >= 1 && index <= vms.size()) {
                    return vms.get(index - 1).id();
                }
            } catch (NumberFormatException e) {
                // asked again below
            }
            console.error("Please answer a number from 1 to " + vms.size() + ".");
        }
    }
}
