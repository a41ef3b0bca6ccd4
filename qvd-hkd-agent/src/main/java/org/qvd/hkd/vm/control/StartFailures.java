package org.qvd.hkd.vm.control;

import java.util.Locale;

/**
 * Turns what libvirt or QEMU said into the reasons an admin reads in the VM's last failure (issue 13):
 * "host out of memory", "image file missing", "no bootable disk", "VMA not answering after N s". Anything
 * unrecognised is passed on as it is.
 */
public final class StartFailures {

    public static final String OUT_OF_MEMORY = "host out of memory";
    public static final String IMAGE_MISSING = "image file missing";
    public static final String NO_BOOTABLE_DISK = "no bootable disk";
    public static final String DISK_FULL = "no space left on the host's storage";

    private StartFailures() {}

    public static String explain(String message) {
        String text = message == null ? "" : message;
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.startsWith(OUT_OF_MEMORY)
                || text.startsWith(IMAGE_MISSING)
                || text.startsWith(NO_BOOTABLE_DISK)
                || text.startsWith(DISK_FULL)) {
            return text; // already in the admin's words
        }
        if (lower.contains("cannot allocate memory")
                || lower.contains("out of memory")
                || lower.contains("failed to allocate")
                || lower.contains("cannot set up guest memory")) {
            return OUT_OF_MEMORY + ": " + text;
        }
        if (lower.contains("no space left on device") || lower.contains("disk quota exceeded")) {
            // libvirt quotes qemu-img's whole command line; its own last words name the file and the cause
            int said = text.lastIndexOf("qemu-img: ");
            return DISK_FULL + ": " + (said >= 0 ? text.substring(said + "qemu-img: ".length()) : text);
        }
        if (lower.contains("no such file or directory")
                && (lower.contains("qcow2") || lower.contains("image") || lower.contains("backing"))) {
            return IMAGE_MISSING + ": " + text;
        }
        return text;
    }
}
