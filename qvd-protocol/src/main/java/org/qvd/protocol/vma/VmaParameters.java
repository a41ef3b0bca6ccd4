package org.qvd.protocol.vma;

/**
 * Query parameter names understood by the VMA. The L7R passes the session parameters to
 * {@code x_start}; the names follow QVD 4 ({@code qvd.vm.user.*}, {@code qvd.client.*}).
 */
public final class VmaParameters {
    /** Login name of the VM's user; created on first use. Required by x_start. */
    public static final String USER_NAME = "qvd.vm.user.name";
    /** Optional numeric uid/gid for the user (from a directory). */
    public static final String USER_UID = "qvd.vm.user.uid";

    public static final String USER_GID = "qvd.vm.user.gid";
    /** NX session cookie: 32 hex digits, the same the client's nxproxy uses. Required by x_start. */
    public static final String NX_COOKIE = "qvd.nx.cookie";
    /** Key the client uses on the NX slave channel (stored for the session, never on a command line). */
    public static final String SLAVE_KEY = "qvd.slave.key";
    /** Client parameters (QVD wire protocol). */
    public static final String CLIENT_PREFIX = "qvd.client.";

    public static final String KEYBOARD = "qvd.client.keyboard";
    public static final String GEOMETRY = "qvd.client.geometry";
    public static final String LINK = "qvd.client.link";
    public static final String FULLSCREEN = "qvd.client.fullscreen";
    public static final String CLIENT_OS = "qvd.client.os";
    /** Parameters of {@code expire}: epoch seconds. */
    public static final String EXPIRATION_SOFT = "vm.expiration.soft";

    public static final String EXPIRATION_HARD = "vm.expiration.hard";

    /** Parameters of {@code vnc_start}: {@code desktop}, {@code view} or {@code assist}; the browser's size (WxH). */
    public static final String VNC_MODE = "vnc.mode";

    public static final String VNC_GEOMETRY = "vnc.geometry";

    /** Who watches (View/Assist), named in the notice the user sees. */
    public static final String VNC_ADMIN = "vnc.admin";

    private VmaParameters() {}
}
