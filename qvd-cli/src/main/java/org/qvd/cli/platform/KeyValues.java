package org.qvd.cli.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code key=value} arguments, as qa4 takes them: filters ({@code user=alice}) and fields ({@code name=desk}). */
public final class KeyValues {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    private KeyValues() {}

    public static Map<String, String> parse(List<String> args) {
        Map<String, String> out = new LinkedHashMap<>();
        if (args == null) {
            return out;
        }
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0 || !KEY.matcher(arg.substring(0, eq)).matches()) {
                throw new CliException(ExitCode.USAGE, "cli.key_value", "expected key=value, got '" + arg + "'");
            }
            out.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return out;
    }

    /** A JSON value for a field: integers and booleans typed, unless the field is always text. */
    public static Object typed(String key, String value, List<String> textFields) {
        if (textFields.contains(key)) {
            return value;
        }
        if (value.matches("-?\\d{1,18}")) {
            return Long.parseLong(value);
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        return value;
    }
}
