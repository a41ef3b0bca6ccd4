package org.qvd.client.session.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.ExitStatus;
import org.qvd.client.platform.UserConsole;

/** Where the password comes from, in order: --password-file, $QVD_PASSWORD, a prompt without echo. */
final class PasswordSource {

    static final String ENV = "QVD_PASSWORD";

    private PasswordSource() {}

    static char[] resolve(Path file, Map<String, String> env, UserConsole console, String prompt) {
        if (file != null) {
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                int end = content.indexOf('\n');
                String first = end < 0 ? content : content.substring(0, end);
                return (first.endsWith("\r") ? first.substring(0, first.length() - 1) : first).toCharArray();
            } catch (IOException e) {
                throw new ClientException(
                        ExitStatus.USAGE, "Cannot read the password file " + file + ": " + e.getMessage());
            }
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        char[] typed = console.askSecret(prompt);
        if (typed == null) {
            throw new ClientException(
                    ExitStatus.USAGE,
                    "No password: use --password-file, set " + ENV + ", or run the client in a terminal.");
        }
        return typed;
    }
}
