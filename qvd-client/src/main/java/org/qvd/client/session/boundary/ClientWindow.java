package org.qvd.client.session.boundary;

import java.nio.file.Path;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.qvd.client.nx.control.NxViewer;

/** The window around {@link ClientPanel}; questions (trust a new server? reconnect?) become dialogs. */
final class ClientWindow {

    private ClientWindow() {}

    static void open(String host, String user, NxViewer viewer, Path knownServers) {
        SwingUtilities.invokeLater(() -> {
            JFrame frame = new JFrame("QVD client");
            ClientPanel[] panel = new ClientPanel[1];
            panel[0] = new ClientPanel(prompt -> ask(panel[0], prompt), viewer, knownServers);
            panel[0].host.setText(host == null ? "" : host);
            panel[0].user.setText(user == null ? "" : user);
            frame.setContentPane(panel[0]);
            frame.setDefaultCloseOperation(WindowConstants.EXIT_ON_CLOSE);
            frame.pack();
            frame.setLocationRelativeTo(null);
            frame.setVisible(true);
        });
    }

    /** Called from the worker thread: waits for the user's answer in a dialog on the event thread. */
    private static String ask(ClientPanel parent, String prompt) {
        String[] answer = new String[1];
        try {
            SwingUtilities.invokeAndWait(() ->
                    answer[0] = JOptionPane.showConfirmDialog(parent, prompt, "QVD client", JOptionPane.YES_NO_OPTION)
                                    == JOptionPane.YES_OPTION
                            ? "yes"
                            : "no");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.lang.reflect.InvocationTargetException e) {
            return null;
        }
        return answer[0];
    }
}
