package org.qvd.client.session.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.ExitStatus;
import org.qvd.client.session.entity.VmSummary;

/** Reads the {@code list_of_vm} body: a JSON array of {@code {id, name, state, blocked}}; blocked is 0/1 or a boolean. */
public final class VmListParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VmListParser() {}

    public static List<VmSummary> parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw unreadable();
        }
        if (root == null || !root.isArray()) {
            throw unreadable();
        }
        List<VmSummary> vms = new ArrayList<>();
        for (JsonNode vm : root) {
            if (!vm.hasNonNull("id") || !vm.get("id").canConvertToLong()) {
                throw unreadable();
            }
            JsonNode blocked = vm.path("blocked");
            vms.add(new VmSummary(
                    vm.get("id").asLong(),
                    vm.path("name").asText(""),
                    vm.path("state").asText(""),
                    blocked.isBoolean() ? blocked.booleanValue() : blocked.asInt(0) != 0));
        }
        return vms;
    }

    private static ClientException unreadable() {
        return new ClientException(
                ExitStatus.PROTOCOL_MISMATCH, "The server's list of virtual machines is not readable.");
    }
}
