package org.qvd.client.session.boundary;

import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import org.qvd.client.nx.control.NxViewer;
import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.UserConsole;
import org.qvd.client.session.control.KeyboardDetector;
import org.qvd.client.session.control.L7rRequests;
import org.qvd.client.session.control.SessionRunner;
import org.qvd.client.session.control.SessionSettings;
import org.qvd.client.session.entity.ConnectSettings;
import org.qvd.client.session.entity.Link;
import org.qvd.client.session.entity.VmSummary;
import org.qvd.client.trust.control.FirstUsePolicy;
import org.qvd.client.trust.control.KnownServers;
import org.qvd.client.trust.control.TlsConnector;
import org.qvd.client.trust.entity.ServerAddress;

/** The small GUI: log in, see the VMs, connect. Work runs off the event thread; results come back on it. */
final class ClientPanel extends JPanel {

    final JTextField host = new JTextField(24);
    final JTextField user = new JTextField(24);
    final JPasswordField password = new JPasswordField(24);
    final JTextField geometry = new JTextField("1024x768", 10);
    final JComboBox<Link> link = new JComboBox<>(Link.values());
    final JCheckBox fullscreen = new JCheckBox("Full screen");
    final JButton login = new JButton("Log in");
    final JButton connect = new JButton("Connect");
    final DefaultListModel<VmSummary> vms = new DefaultListModel<>();
    final JList<VmSummary> vmList = new JList<>(vms);
    final JTextArea log = new JTextArea(10, 50);

    private final transient UserConsole console;
    private final transient NxViewer viewer;
    private final transient Path knownServers;
    private final transient ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "qvd-client-gui-worker");
        thread.setDaemon(true);
        return thread;
    });

    ClientPanel(UnaryOperator<String> questions, NxViewer viewer, Path knownServers) {
        super(new BorderLayout(6, 6));
        this.console = new PanelConsole(log, questions);
        this.viewer = viewer;
        this.knownServers = knownServers;
        link.setSelectedItem(Link.ADSL);
        log.setEditable(false);
        vmList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        vmList.setCellRenderer((list, vm, index, selected, focus) -> {
            JLabel label = new JLabel(vm.name() + "  (" + vm.state() + (vm.blocked() ? ", blocked" : "") + ")");
            label.setOpaque(selected);
            return label;
        });
        add(form(), BorderLayout.NORTH);
        add(new JScrollPane(vmList), BorderLayout.CENTER);
        add(new JScrollPane(log), BorderLayout.SOUTH);
        login.addActionListener(e -> listVms());
        connect.addActionListener(e -> connectSelected());
        connect.setEnabled(false);
    }

    private JPanel form() {
        JPanel form = new JPanel(new GridLayout(0, 2, 4, 4));
        form.add(new JLabel("Server (host[:port])"));
        form.add(host);
        form.add(new JLabel("User (login@tenant)"));
        form.add(user);
        form.add(new JLabel("Password"));
        form.add(password);
        form.add(new JLabel("Geometry"));
        form.add(geometry);
        form.add(new JLabel("Link"));
        form.add(link);
        form.add(fullscreen);
        JPanel buttons = new JPanel();
        buttons.add(login);
        buttons.add(connect);
        form.add(buttons);
        return form;
    }

    private void listVms() {
        SessionRunner runner = runner(null);
        busy(true);
        worker.submit(() -> {
            try {
                List<VmSummary> listed = runner.list();
                SwingUtilities.invokeLater(() -> {
                    vms.clear();
                    listed.forEach(vms::addElement);
                    if (!listed.isEmpty()) {
                        vmList.setSelectedIndex(0);
                    }
                    console.info(listed.size() + " virtual machine(s).");
                });
            } catch (ClientException | IllegalArgumentException e) {
                console.error(e.getMessage());
            } finally {
                SwingUtilities.invokeLater(() -> busy(false));
            }
        });
    }

    private void connectSelected() {
        VmSummary vm = vmList.getSelectedValue();
        if (vm == null) {
            console.error("Choose a virtual machine first.");
            return;
        }
        SessionRunner runner = runner(vm.id());
        busy(true);
        worker.submit(() -> {
            try {
                runner.run();
            } catch (ClientException | IllegalArgumentException e) {
                console.error(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                SwingUtilities.invokeLater(() -> busy(false));
            }
        });
    }

    private void busy(boolean working) {
        login.setEnabled(!working);
        connect.setEnabled(!working && !vms.isEmpty());
    }

    private SessionRunner runner(Long vmId) {
        ServerAddress server = ServerAddress.parse(host.getText());
        ConnectSettings settings = new ConnectSettings(
                geometry.getText().trim(),
                (Link) link.getSelectedItem(),
                KeyboardDetector.detect(),
                fullscreen.isSelected(),
                null);
        SessionSettings session = new SessionSettings(
                server,
                L7rRequests.basic(user.getText().trim(), password.getPassword()),
                vmId,
                settings,
                true,
                300_000,
                20_000,
                SessionSettings.Reconnect.ASK,
                5,
                false);
        TlsConnector tls = TlsConnector.trustOnFirstUse(
                new FirstUsePolicy(new KnownServers(knownServers), console, false), 15_000);
        return new SessionRunner(session, tls::open, viewer, console, vms -> vmId);
    }
}
