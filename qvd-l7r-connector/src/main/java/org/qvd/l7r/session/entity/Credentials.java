package org.qvd.l7r.session.entity;

import java.util.List;

/** What a client presented in its {@code Authorization} header. Never printed with its secret. */
public sealed interface Credentials {

    /** {@code Authorization: Basic base64(login:password)}; the password may itself contain {@code :}. */
    record Password(Login login, String password) implements Credentials {
        @Override
        public String toString() {
            return "Password[login=" + login + "]";
        }
    }

    /**
     * {@code Authorization: Bearer <value>}. The Perl CLI sends base64(token), the GUI clients pass the value through
     * as they got it, so {@code candidates} holds the base64-decoded value first (when the value is valid base64)
     * and then the raw value; a token matches if any candidate is a valid token.
     */
    record Token(List<String> candidates) implements Credentials {
        public Token {
            candidates = List.copyOf(candidates);
        }

        @Override
        public String toString() {
            return "Token[***]";
        }
    }
}
