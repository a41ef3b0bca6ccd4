package org.qvd.vma.session.entity;

/**
 * A validated {@code x_start} request. Every text field has passed a whitelist, so it may go into
 * nxagent's comma-separated options line.
 *
 * @param uid optional, null when the VM may choose
 * @param width 0 with height 0 when the client sent no geometry
 * @param link nxagent link type: modem, isdn, adsl, wan or lan
 * @param clientOs nxagent client type: linux, windows, macosx or solaris; null if unknown
 * @param cookie the NX proxy cookie the client's nxproxy presents; null for a client that uses none (QVD 4's
 *        clients): nxagent then accepts a proxy without a cookie, from {@code acceptFrom} only
 * @param slaveKey may be null
 * @param displayCookie the MIT-MAGIC-COOKIE-1 of the session's X display: the NX cookie when there is one (nxagent
 *        authenticates its link to the proxy with it), else a random one the VMA chose
 * @param acceptFrom for a session without NX cookie: the only address nxagent accepts a proxy from (the caller of
 *        {@code x_start}, i.e. the L7R node that will connect); null to accept any
 */
public record SessionRequest(
        String userName,
        Integer uid,
        Integer gid,
        String keyboard,
        int width,
        int height,
        boolean fullscreen,
        String link,
        String clientOs,
        String cookie,
        String slaveKey,
        String displayCookie,
        String acceptFrom) {

    /** A request with an NX cookie (which is then also the display's cookie). */
    public SessionRequest(
            String userName,
            Integer uid,
            Integer gid,
            String keyboard,
            int width,
            int height,
            boolean fullscreen,
            String link,
            String clientOs,
            String cookie,
            String slaveKey) {
        this(userName, uid, gid, keyboard, width, height, fullscreen, link, clientOs, cookie, slaveKey, cookie, null);
    }

    public boolean hasGeometry() {
        return width > 0 && height > 0;
    }

    /** True when the client's proxy presents no NX cookie (QVD 4's clients). */
    public boolean cookieless() {
        return cookie == null;
    }

    /** The same request, accepting the proxy only from {@code address} when it has no NX cookie. */
    public SessionRequest acceptingFrom(String address) {
        return new SessionRequest(
                userName,
                uid,
                gid,
                keyboard,
                width,
                height,
                fullscreen,
                link,
                clientOs,
                cookie,
                slaveKey,
                displayCookie,
                cookieless() ? address : null);
    }

    /**
     * Whether {@code other} asks for the same session as this request: every parameter but the display cookie, which
     * the VMA draws anew for each call of a client without NX cookie (a retried {@code x_start} is the same client).
     */
    public boolean sameClientAs(SessionRequest other) {
        return other != null
                && equals(new SessionRequest(
                        other.userName,
                        other.uid,
                        other.gid,
                        other.keyboard,
                        other.width,
                        other.height,
                        other.fullscreen,
                        other.link,
                        other.clientOs,
                        other.cookie,
                        other.slaveKey,
                        displayCookie,
                        other.acceptFrom));
    }
}
