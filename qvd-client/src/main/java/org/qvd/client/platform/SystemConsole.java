package org.qvd.client.platform;

import java.io.Console;
import java.io.PrintStream;

/** The real terminal: stdout/stderr, questions through {@link Console} so secrets are not echoed. */
public final class SystemConsole implements UserConsole {

    private final PrintStream out;
    private final PrintStream err;
    private final Console console;

    public SystemConsole(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.console = System.console();
    }

    @Override
    public void info(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public void error(String line) {
        err.println(line);
        err.flush();
    }

    @Override
    public boolean interactive() {
        return console != null;
    }

    @Override
    public String ask(String prompt) {
        return console == null ? null : console.readLine("%s", prompt);
    }

    @Override
    public char[] askSecret(String prompt) {
        return console == null ? null : console.readPassword("%s", prompt);
    }
}
