package org.qvd.client.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.swing.SwingUtilities;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qvd.client.standin.EchoNxAgent;
import org.qvd.client.standin.EchoViewer;
import org.qvd.client.standin.StandInL7r;
import org.qvd.client.standin.TestCertificate;

/** The GUI panel (headless: no window) driven like a user would, against the stand-in L7R. */
class ClientPanelIT {

    private static TestCertificate cert;

    @TempDir
    Path dir;

    private StandInL7r l7r;
    private EchoNxAgent nxagent;

    @BeforeAll
    static void setUp(@TempDir Path certs) throws Exception {
        System.setProperty("java.awt.headless", "true");
        cert = TestCertificate.create(certs, "qvd-test-server");
    }

    @BeforeEach
    void servers() throws Exception {
        nxagent = new EchoNxAgent();
        l7r = new StandInL7r(cert, "carol@acme", "pw")
                .farSide(nxagent.port())
                .vms("[{\"id\":5,\"name\":\"desk\",\"state\":\"stopped\",\"blocked\":0},"
                        + "{\"id\":6,\"name\":\"lab\",\"state\":\"running\",\"blocked\":0}]")
                .progress("Starting virtual machine");
    }

    @AfterEach
    void stop() throws Exception {
        l7r.close();
        nxagent.close();
    }

    private static <T> T onEdt(Callable<T> action) throws Exception {
        List<T> result = new ArrayList<>();
        Exception[] failure = new Exception[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.add(action.call());
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return result.get(0);
    }

    private static void await(Callable<Boolean> condition) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> onEdt(condition));
    }

    @Test
    void logsInListsTheVmsAndConnectsTheChosenOne() throws Exception {
        List<String> questions = new ArrayList<>();
        EchoViewer viewer = new EchoViewer("NXPROXY-3.5.0 ");
        ClientPanel panel = onEdt(() -> new ClientPanel(
                q -> {
                    questions.add(q);
                    return "yes";
                },
                viewer,
                dir.resolve("known_servers")));

        onEdt(() -> {
            panel.host.setText("127.0.0.1:" + l7r.port());
            panel.user.setText("carol@acme");
            panel.password.setText("pw");
            panel.login.doClick();
            return null;
        });
        await(() -> panel.vms.size() == 2);
        onEdt(() -> {
            panel.vmList.setSelectedIndex(1);
            panel.connect.doClick();
            return null;
        });
        await(() -> panel.log.getText().contains("The NX session ended"));

        assertThat(questions).singleElement().satisfies(q -> assertThat(q).contains("Trust this server"));
        assertThat(panel.log.getText()).contains("Server: Starting virtual machine");
        assertThat(StandInL7r.query(
                        l7r.requests().get(l7r.requests().size() - 1).target()))
                .containsEntry("id", "6");
        assertThat(viewer.seen())
                .singleElement()
                .satisfies(s -> assertThat(s.echoed()).isEqualTo("NXPROXY-3.5.0 "));
        assertThat(nxagent.received()).isEqualTo("NXPROXY-3.5.0 ");
    }

    @Test
    void showsAWrongPasswordInTheLog() throws Exception {
        ClientPanel panel = onEdt(() -> new ClientPanel(q -> "yes", new EchoViewer("x"), dir.resolve("known_servers")));

        onEdt(() -> {
            panel.host.setText("127.0.0.1:" + l7r.port());
            panel.user.setText("carol@acme");
            panel.password.setText("wrong");
            panel.login.doClick();
            return null;
        });
        await(() -> panel.log.getText().contains("rejected your login"));

        assertThat(panel.vms.size()).isZero();
        assertThat(onEdt(panel.connect::isEnabled)).isFalse();
    }
}
