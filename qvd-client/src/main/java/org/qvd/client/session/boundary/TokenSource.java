package org.qvd.client.session.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.ExitStatus;

/** An optional login token: --token, else --token-file (first line, trimmed), else $QVD_TOKEN, else none (password). */
final class TokenSource {

    static final String ENV = "QVD_TOKEN";

    private TokenSource() {}

    static String resolve(String given, Path file, Map<String, String> env) {
        if (given != null) {
            if (given.isBlank()) {
                throw new ClientException(ExitStatus.USAGE, "The --token value is empty.");
            }
            return given.strip();
        }
        if (file != null) {
            try {
                String token = Files.readString(file, StandardCharsets.UTF_8)
                        .lines()
                        .findFirst()
                        .orElse("")
                        .strip();
                if (token.isEmpty()) {
                    throw new ClientException(ExitStatus.USAGE, "The token file " + file + " is empty.");
                }
                return token;
            } catch (IOException e) {
                throw new ClientException(
                        ExitStatus.USAGE, "Cannot read the token file " + file + ": " + e.getMessage());
            }
        }
        String fromEnv = env.get(ENV);
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
    }
}
