package org.qvd.protocol.vma;

/**
 * The ports inside every desktop (VM or container) that the host and the L7R reach: the VMA's HTTP API and the NX
 * agent of its display {@link #NX_DISPLAY}. One place for them: the VMA listens on them by default, the host agent pings
 * the first, the VMAS records both for a running VM and the L7R falls back to them for a VM that recorded none.
 */
public final class VmaPorts {

    /** The VMA's HTTP API ({@code GET /vma/<method>}). */
    public static final int HTTP = 3030;
    /** The NX display the VMA's session runs on. */
    public static final int NX_DISPLAY = 100;
    /** nxagent's port: 4000 + its display. */
    public static final int NX = 4000 + NX_DISPLAY;

    private VmaPorts() {}
}
