package org.qvd.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A related object is given by id or by name ({@code role=12}, {@code role=helpdesk}); only a name is looked up. */
class RelatedIdsTest {

    private final ObjectCommand command = new ObjectCommand() {
        @Override
        protected String resource() {
            return "admins";
        }

        @Override
        protected List<String> columns() {
            return List.of("id");
        }

        @Override
        protected long lookup(Ref ref, String name) {
            return ("roles/" + name).equals(ref.resource() + "/helpdesk") ? 99 : -1;
        }
    };

    @Test
    void aNumberIsTheIdAndANameIsLookedUp() {
        assertThat(command.idOf(ObjectCommand.REFS.get("role"), "12")).isEqualTo(12);
        assertThat(command.idOf(ObjectCommand.REFS.get("role"), "helpdesk")).isEqualTo(99);
    }

    @Test
    void aRequestBodyCarriesTheRelatedObjectsId() {
        assertThat(command.body(Map.of("role", "helpdesk"))).containsExactly(Map.entry("roleId", 99L));
        assertThat(command.body(Map.of("tenant", "7"))).containsExactly(Map.entry("tenantId", 7L));
    }
}
