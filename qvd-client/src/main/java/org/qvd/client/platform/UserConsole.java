package org.qvd.client.platform;

/** The user's terminal: where progress is shown and questions are asked (a fake in tests). */
public interface UserConsole {

    /** Informational output (progress, lists). */
    void info(String line);

    /** Warnings and errors. */
    void error(String line);

    /** Whether a person can answer questions. */
    boolean interactive();

    /** Asks a question and returns the answer line, or null when nobody can answer. */
    String ask(String prompt);

    /** Asks for a secret without echo, or null when nobody can answer. */
    char[] askSecret(String prompt);
}
