package org.qvd.vma.session.entity;

/**
 * A validated {@code x_start} request. Every text field has passed a whitelist, so it may go into
 * nxagent's comma-separated options line.
 *
 * @param uid optional, null when the VM may choose
 * @param width 0 with height 0 when the client sent no geometry
 * @param link nxagent link type: modem, isdn, adsl, wan or lan
 * @param clientOs nxagent client type: linux, windows, macosx or solaris; null if unknown
 * @param slaveKey may be null
 */
public record SessionRequest(String userName, Integer uid, Integer gid, String keyboard, int width, int height,
        boolean fullscreen, String link, String clientOs, String cookie, String slaveKey) {

    public boolean hasGeometry() {
        return width > 0 && height > 0;
    }
}
