package org.qvd.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.RequiredResource;

/**
 * Issue 12, "Local machine and broker": another user of the machine running {@code ./qvd run} must not get into the
 * embedded PostgreSQL (it used to trust every loopback connection: any local user became its superuser), the VMAS
 * must not run as a superuser, and a host agent's broker account may only consume its own host's queue and send
 * events, over TLS (there is no clear-text broker any more).
 */
@ExtendWith(RunningSystem.class)
class LocalMachineAttacksIT {

    @Test
    void anotherLocalUserIsRefusedByTheDatabase(QvdSystem system) throws Exception {
        RequiredResource.executable(Path.of("/usr/bin/psql"), "postgresql-client");
        RequiredResource.executable(Path.of("/usr/sbin/runuser"), "util-linux");
        RequiredResource.root("to become nobody");
        int port = system.config().embeddedDbPort();
        for (String role : List.of("postgres", "qvd")) {
            Result noPassword = run(
                    Map.of(),
                    "runuser",
                    "-u",
                    "nobody",
                    "--",
                    "psql",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    Integer.toString(port),
                    "-U",
                    role,
                    "-d",
                    "qvd",
                    "-w",
                    "-c",
                    "SELECT 1");
            assertThat(noPassword.code())
                    .as("%s without a password: %s", role, noPassword.output())
                    .isNotZero();
            assertThat(noPassword.output()).contains("password");
            Result guessed = run(
                    Map.of("PGPASSWORD", "postgres"),
                    "runuser",
                    "-u",
                    "nobody",
                    "--",
                    "psql",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    Integer.toString(port),
                    "-U",
                    role,
                    "-d",
                    "qvd",
                    "-w",
                    "-c",
                    "SELECT 1");
            assertThat(guessed.code())
                    .as("%s with the old default password: %s", role, guessed.output())
                    .isNotZero();
            assertThat(guessed.output()).contains("password authentication failed");
        }
    }

    @Test
    void theOldDefaultCredentialsAreRefused(QvdSystem system) {
        assertThatThrownBy(() -> DriverManager.getConnection(system.dbUrl(), "postgres", "postgres")
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() ->
                        DriverManager.getConnection(system.dbUrl(), "qvd", "").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void theVmasRunsAsItsOwnRoleThatIsNoSuperuser(QvdSystem system) throws Exception {
        assertThat(system.dbAppUser()).isEqualTo("qvd");
        try (Connection c = DriverManager.getConnection(
                        system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword());
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, "
                                + "(SELECT pg_get_userbyid(d.datdba) FROM pg_database d WHERE d.datname = 'qvd'), "
                                + "(SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                + "  WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) <> 'qvd'), "
                                + "(SELECT count(*) FROM pg_stat_activity WHERE datname = 'qvd' AND usename = 'qvd') "
                                + "FROM pg_roles r WHERE r.rolname = 'qvd'")) {
            assertThat(rs.next()).as("role qvd exists").isTrue();
            assertThat(rs.getBoolean(1)).as("superuser").isFalse();
            assertThat(rs.getBoolean(2)).as("createrole").isFalse();
            assertThat(rs.getBoolean(3)).as("createdb").isFalse();
            assertThat(rs.getString(4)).as("owner of database qvd").isEqualTo("qvd");
            assertThat(rs.getLong(5))
                    .as("tables not owned by qvd (the migrations ran as qvd)")
                    .isZero();
            assertThat(rs.getLong(6)).as("WildFly's connections as qvd").isPositive();
        }
    }

    @Test
    void thePasswordsAreKeptOwnerReadableOnly(QvdSystem system) throws Exception {
        Path secrets = system.config().home().resolve("db.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(secrets)).contains("superuser.password=").contains("app.password=");
    }

    @Test
    void anAgentsAccountReachesOnlyItsOwnQueue(QvdSystem system) {
        system.agentTrustStore();
        String url = system.brokerUrl();
        String own = "qvd.hkd." + system.config().hkdHostName();
        try (JMSContext agent = broker(url, system.hkdBrokerUser(), system.hkdBrokerPassword())) {
            // its own commands: allowed (no message is taken: the consumer has no window and receives nothing)
            agent.createConsumer(agent.createQueue(own)).close();
            assertThatThrownBy(() -> agent.createConsumer(agent.createQueue("qvd.hkd.other-host"))
                            .close())
                    .as("another host's commands")
                    .isInstanceOf(JMSRuntimeException.class)
                    .hasMessageContaining("permission");
            assertThatThrownBy(() -> agent.createConsumer(agent.createQueue("qvd.events"))
                            .close())
                    .as("every host's events")
                    .isInstanceOf(JMSRuntimeException.class)
                    .hasMessageContaining("permission");
            assertThatThrownBy(() -> agent.createProducer().send(agent.createQueue(own), "{}"))
                    .as("a forged command to its own host")
                    .isInstanceOf(JMSRuntimeException.class)
                    .hasMessageContaining("permission");
        }
    }

    @Test
    void aWrongPasswordAndClearTextFindNoBroker(QvdSystem system) {
        system.agentTrustStore();
        assertThatThrownBy(() -> broker(system.brokerUrl(), system.hkdBrokerUser(), "wrong-password")
                        .close())
                .isInstanceOf(JMSRuntimeException.class);
        String clearText = "tcp://127.0.0.1:" + system.config().effective(8080)
                + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor";
        assertThatThrownBy(() -> broker(clearText, system.hkdBrokerUser(), system.hkdBrokerPassword())
                        .close())
                .as("the broker over plain HTTP")
                .isInstanceOf(JMSRuntimeException.class);
        String noTls = system.brokerUrl().replace("sslEnabled=true", "sslEnabled=false");
        assertThatThrownBy(() -> broker(noTls, system.hkdBrokerUser(), system.hkdBrokerPassword())
                        .close())
                .as("the broker on the HTTPS port without TLS")
                .isInstanceOf(JMSRuntimeException.class);
    }

    /** A connection as a host agent makes it, failing fast instead of retrying. */
    private static JMSContext broker(String url, String user, String password) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, user, password);
        factory.setEnable1xPrefixes(true);
        factory.setConsumerWindowSize(0);
        factory.setInitialConnectAttempts(1);
        factory.setReconnectAttempts(0);
        factory.setCallTimeout(10_000);
        return factory.createContext();
    }

    private record Result(int code, String output) {}

    private static Result run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.directory(Path.of("/").toFile()); // nobody cannot read the build tree
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
