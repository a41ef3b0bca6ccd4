package org.qvd.hkd.vm.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.qvd.hkd.vm.entity.VmNames;

/**
 * libvirt's per-domain QEMU log ({@code /var/log/libvirt/qemu/<domain>.log}): its last error line says why a
 * guest died (e.g. out of memory). Readable only where the agent runs as root; otherwise nothing is known.
 */
final class QemuLog {

    static final Path DIR = Path.of("/var/log/libvirt/qemu");

    private QemuLog() {}

    static Optional<String> lastError(long vmId) {
        Path log = DIR.resolve(VmNames.domainName(vmId) + ".log");
        try {
            if (!Files.isReadable(log)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 20); i--) {
                String line = lines.get(i);
                if (line.contains("qemu-system") || line.contains("error") || line.contains("Cannot")) {
                    return Optional.of(StartFailures.explain(line.strip()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
