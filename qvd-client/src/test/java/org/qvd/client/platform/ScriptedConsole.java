package org.qvd.client.platform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A terminal for tests: records what the client prints and answers questions from a script. */
public final class ScriptedConsole implements UserConsole {

    private final List<String> infos = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Deque<String> answers = new ArrayDeque<>();
    private final boolean interactive;

    public ScriptedConsole(boolean interactive, String... answers) {
        this.interactive = interactive;
        this.answers.addAll(List.of(answers));
    }

    @Override
    public void info(String line) {
        infos.add(line);
    }

    @Override
    public void error(String line) {
        errors.add(line);
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public synchronized String ask(String prompt) {
        infos.add(prompt);
        return interactive ? answers.poll() : null;
    }

    @Override
    public synchronized char[] askSecret(String prompt) {
        String answer = interactive ? answers.poll() : null;
        return answer == null ? null : answer.toCharArray();
    }

    public List<String> infos() {
        return infos;
    }

    public List<String> errors() {
        return errors;
    }

    public String all() {
        return String.join("\n", infos) + "\n" + String.join("\n", errors);
    }
}
