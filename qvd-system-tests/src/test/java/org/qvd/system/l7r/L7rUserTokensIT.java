package org.qvd.system.l7r;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.L7rWire;
import org.qvd.testsupport.StandInDesktop;

/**
 * QVD's {@code create_auth_token} and {@code Bearer} logins through the deployed L7R and the VMAS's user tokens. The
 * connect goes to a {@link StandInDesktop} (stand-in VMA and NX agent: no hypervisor here).
 */
@ExtendWith(RunningSystem.class)
class L7rUserTokensIT {

    @Test
    void aTokenFromCreateAuthTokenLogsInForListConnectAndStop(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long vm = data.vm(user);
        JsonNode answer = createToken(system, user);
        String authToken = answer.get("auth_token").asText();
        String token = new String(Base64.getDecoder().decode(authToken), StandardCharsets.UTF_8);
        assertThat(answer.get("auth_params_id").asLong()).isPositive();

        assertThat(list(system, "Bearer " + authToken).body())
                .as("as the Perl CLI sends it")
                .contains("\"id\":" + vm);
        assertThat(list(system, "Bearer " + token).body())
                .as("as the GUI sends it")
                .contains("\"id\":" + vm);

        try (StandInDesktop standIn = data.standIn(system, vm)) {
            try (L7rWire wire = L7rWire.open(system.l7rPort())) {
                wire.send("GET /qvd/connect_to_vm?id=" + vm + " HTTP/1.1\r\nAuthorization: Bearer " + authToken
                        + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n\r\n");
                List<L7rWire.Response> answers = wire.readUntilFinal();
                assertThat(answers.get(answers.size() - 1).status()).isEqualTo(101);
            }
            // before the stand-in's SQL stops the VM: the L7R's release writes the whole runtime row
            data.awaitUserState(vm, "disconnected");
        }

        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send("GET /qvd/stop_vm?id=" + vm + " HTTP/1.1\r\nAuthorization: Bearer " + authToken + "\r\n\r\n");
            List<L7rWire.Response> answers = wire.readUntilFinal();
            L7rWire.Response stopped = answers.get(answers.size() - 1);
            assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
            assertThat(stopped.body()).isEqualTo("Machine stopped");
        }
    }

    @Test
    void theVmasKeepsOnlyTheTokensHash(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        JsonNode answer = createToken(system, user);
        String token =
                new String(Base64.getDecoder().decode(answer.get("auth_token").asText()), StandardCharsets.UTF_8);
        long id = answer.get("auth_params_id").asLong();
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(data.query(system, "SELECT token_hash FROM user_token WHERE id = ?", id))
                .isEqualTo(hash);
        assertThat(data.query(system, "SELECT count(*) FROM user_token WHERE token_hash = ?", token))
                .isEqualTo("0");
    }

    @Test
    void theTokenIsAuditedByIdOnlyAndNeverLogged(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        JsonNode answer = createToken(system, user);
        String authToken = answer.get("auth_token").asText();
        String token = new String(Base64.getDecoder().decode(authToken), StandardCharsets.UTF_8);
        assertThat(list(system, "Bearer " + authToken).status()).isEqualTo(200);

        assertThat(data.query(
                        system,
                        "SELECT count(*) FROM audit_log WHERE action = 'user.token.create' " + "AND object_id = ?",
                        user.id()))
                .isEqualTo("1");
        assertThat(data.query(
                        system,
                        "SELECT count(*) FROM audit_log WHERE arguments LIKE ? OR arguments LIKE ?",
                        "%" + token + "%",
                        "%" + authToken + "%"))
                .isEqualTo("0");
        for (Path log : List.of(system.consoleLog(), system.consoleLog().resolveSibling("server.log"))) {
            if (Files.exists(log)) {
                assertThat(new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1))
                        .as(log.toString())
                        .doesNotContain(token)
                        .doesNotContain(authToken);
            }
        }
    }

    @Test
    void unknownAndExpiredTokensGet401WithTheRealm(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        JsonNode answer = createToken(system, user);
        String authToken = answer.get("auth_token").asText();

        L7rWire.Response unknown = list(
                system,
                "Bearer " + Base64.getEncoder().encodeToString("no-such-token".getBytes(StandardCharsets.UTF_8)));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.header("WWW-Authenticate")).isEqualTo("Basic realm=\"QVD\"");

        data.sql(
                system,
                "UPDATE user_token SET created_at = now() - interval '25 hours', "
                        + "expires_at = now() - interval '1 hour' WHERE id = ?",
                answer.get("auth_params_id").asLong());
        L7rWire.Response expired = list(system, "Bearer " + authToken);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).isEqualTo("Basic realm=\"QVD\"");
    }

    @Test
    void aTokenCannotMakeAnotherOne(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        String authToken = createToken(system, data.user()).get("auth_token").asText();
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send("GET /qvd/create_auth_token HTTP/1.1\r\nAuthorization: Bearer " + authToken + "\r\n\r\n");
            assertThat(wire.read().status()).isEqualTo(403);
        }
    }

    private static JsonNode createToken(QvdSystem system, VmasData.User user) throws Exception {
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send("GET /qvd/create_auth_token HTTP/1.1\r\nAuthorization: "
                    + L7rWire.basic(user.login(), VmasData.USER_PASSWORD) + "\r\n\r\n");
            L7rWire.Response r = wire.read();
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            return VmasData.JSON.readTree(r.body());
        }
    }

    private static L7rWire.Response list(QvdSystem system, String authorization) throws Exception {
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send("GET /qvd/list_of_vm? HTTP/1.1\r\nAuthorization: " + authorization
                    + "\r\nAccept: application/json\r\nUser-Agent: QVD::HTTPC/0.01 (linux)\r\n\r\n");
            return wire.read();
        }
    }
}
