package org.qvd.cli.image.boundary;

import java.util.List;
import org.qvd.cli.platform.ObjectCommand;
import org.qvd.cli.platform.Verbs;
import picocli.CommandLine.Command;

/** {@code qvd-admin osf <verb>}. */
@Command(
        subcommands = {Verbs.ListVerb.class, Verbs.Add.class, Verbs.Set.class, Verbs.Del.class},
        name = "osf",
        description = "OS flavours.",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Filters: id, name (contains), tenant.",
            "Fields for add: name=, kind= (vm|container), memoryMb=, useOverlay=, userStorageMb=, tenant=, description=."
        })
public class OsfCommand extends ObjectCommand {

    @Override
    protected String resource() {
        return "osfs";
    }

    @Override
    protected List<String> columns() {
        return List.of("id", "name", "tenantId", "kind", "memoryMb", "useOverlay", "userStorageMb");
    }
}
