package org.qvd.protocol.vma;

/**
 * Answer of {@code vnc_start}: the TCP port on the VM's address where a VNC server now waits for ONE connection, from
 * the caller's address only, for a limited time (docs/browser.md).
 *
 * @param mode {@code desktop}, {@code view} (input refused) or {@code assist}
 */
public record VncStartReply(int port, String mode) {}
