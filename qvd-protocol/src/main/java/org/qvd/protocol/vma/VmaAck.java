package org.qvd.protocol.vma;

/** Answer of {@code poweroff} and {@code expire}: accepted. */
public record VmaAck(String status) {
    public static VmaAck ok() {
        return new VmaAck("ok");
    }
}
