package org.qvd.vma.session.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.StringJoiner;
import org.qvd.vma.session.entity.SessionRequest;

/**
 * The content of nxagent's options file and of its Xauthority file.
 *
 * <p>Geometry: nxagent honours {@code geometry=WxH} only when the viewer's display has a window
 * manager; on a display without one it forces full-screen mode and sizes the desktop to 3/4 of the
 * viewer's screen, whatever geometry says (the "75 %" effect). A client that wants the whole screen
 * must therefore ask for {@code fullscreen=1}, which makes nxagent take the viewer's full size.
 */
public final class NxOptions {
    private static final byte[] FAMILY_WILD = {(byte) 0xff, (byte) 0xff};

    private NxOptions() {}

    /**
     * One line, e.g. {@code nx/nx,link=adsl,...,cookie=C,listen=4100:100}. Without an NX cookie (QVD 4's clients run
     * {@code nxproxy -S} with none) there is no {@code cookie=}: nxagent 3.5.99 then accepts a proxy that presents
     * none ("No proxy cookie was provided for authentication") — and {@code accept=ADDRESS} makes it refuse a proxy
     * from any other address ("Refusing connection from ..."), so only the L7R node that asked for the session can
     * attach to it.
     */
    public static String optionsLine(SessionRequest request, int display, int port, boolean loopback, Path nxRoot) {
        StringJoiner line = new StringJoiner(",", "nx/nx,", ":" + display + "\n");
        line.add("link=" + request.link());
        line.add("cache=8M");
        line.add("images=32M");
        if (!request.cookieless()) {
            line.add("cookie=" + request.cookie());
        }
        line.add("listen=" + port);
        if (request.cookieless() && request.acceptFrom() != null) {
            line.add("accept=" + request.acceptFrom());
        }
        if (loopback) {
            line.add("loopback=1");
        }
        line.add("root=" + nxRoot);
        line.add("keyboard=" + request.keyboard());
        if (request.clientOs() != null) {
            line.add("client=" + request.clientOs());
        }
        if (request.fullscreen()) {
            line.add("fullscreen=1");
        } else if (request.hasGeometry()) {
            line.add("geometry=" + request.width() + "x" + request.height());
            line.add("fullscreen=0");
        }
        return line.toString();
    }

    /**
     * An Xauthority file with one MIT-MAGIC-COOKIE-1 entry for the display, family "wild" so that
     * any host name matches (the X clients run in the same VM).
     */
    public static byte[] xauthority(int display, String hexCookie) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(FAMILY_WILD);
        field(out, new byte[0]);
        field(out, Integer.toString(display).getBytes(StandardCharsets.US_ASCII));
        field(out, "MIT-MAGIC-COOKIE-1".getBytes(StandardCharsets.US_ASCII));
        field(out, HexFormat.of().parseHex(hexCookie));
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.write(value.length >> 8);
        out.write(value.length & 0xff);
        out.writeBytes(value);
    }
}
