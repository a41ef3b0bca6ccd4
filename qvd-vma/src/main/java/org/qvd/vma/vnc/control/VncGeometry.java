package org.qvd.vma.vnc.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qvd.protocol.vma.VmaParameters;
import org.qvd.vma.session.control.ParameterInvalidException;

/** The browser's size for its desktop: {@code WxH}, each side 320–8192; 1280x800 when not given. */
public final class VncGeometry {
    private static final Pattern WXH = Pattern.compile("([0-9]{3,4})x([0-9]{3,4})");

    private VncGeometry() {}

    public static int[] parse(String value) {
        if (value == null || value.isEmpty()) {
            return new int[] {1280, 800};
        }
        Matcher m = WXH.matcher(value);
        if (m.matches()) {
            int w = Integer.parseInt(m.group(1));
            int h = Integer.parseInt(m.group(2));
            if (w >= 320 && h >= 320 && w <= 8192 && h <= 8192) {
                return new int[] {w, h};
            }
        }
        throw new ParameterInvalidException(VmaParameters.VNC_GEOMETRY, "expected WIDTHxHEIGHT, sides 320-8192");
    }
}
