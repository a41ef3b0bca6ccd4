package org.qvd.client.session.boundary;

import java.util.function.UnaryOperator;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.qvd.client.platform.UserConsole;

/** The GUI's terminal: messages go to the log area; questions go to a dialog (or a test's answers). */
final class PanelConsole implements UserConsole {

    private final JTextArea log;
    private final UnaryOperator<String> questions;

    PanelConsole(JTextArea log, UnaryOperator<String> questions) {
        this.log = log;
        this.questions = questions;
    }

    @Override
    public void info(String line) {
        SwingUtilities.invokeLater(() -> log.append(line + "\n"));
    }

    @Override
    public void error(String line) {
        info("ERROR: " + line);
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public String ask(String prompt) {
        return questions.apply(prompt);
    }

    @Override
    public char[] askSecret(String prompt) {
        String answer = questions.apply(prompt);
        return answer == null ? null : answer.toCharArray();
    }
}
