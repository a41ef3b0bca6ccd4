package org.qvd.cli.image.boundary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qvd.cli.platform.CliException;
import org.qvd.cli.platform.ExitCode;
import org.qvd.cli.platform.ObjectCommand;
import org.qvd.cli.platform.Output;
import org.qvd.cli.platform.Verbs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qvd-admin di <verb>}. */
@Command(
        subcommands = {Verbs.ListVerb.class, Verbs.Del.class},
        name = "di",
        description = "Disk images of OSFs and their tags.",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Filters: id, osf (name or id), version, tenant, blocked.",
            "Example: qvd-admin di add --osf desktop --file img.qcow2 --tag default",
            "         qvd-admin di staged; qvd-admin di add --osf desktop --staged qvd-desktop-1.0.qcow2 --tag default"
        })
public class DiCommand extends ObjectCommand {

    @Override
    protected String resource() {
        return "dis";
    }

    @Override
    protected List<String> columns() {
        return List.of("id", "osfName", "version", "tags", "blocked", "path");
    }

    @Override
    protected List<String> actions() {
        return List.of("block", "unblock");
    }

    @Command(
            description = "List the images waiting in the server's staging directory (the image build's output "
                    + "on a one-machine system; superadmins only).",
            mixinStandardHelpOptions = true)
    public int staged() {
        Output.print(
                out(),
                api().get(resource() + "/staged", Map.of()),
                List.of("file", "version", "directBoot", "sizeBytes", "description"),
                root.json());
        return ExitCode.OK;
    }

    @Command(
            description = "Upload an image file and register it as a new DI of an OSF (or --staged, superadmins: "
                    + "import an image of the staging directory, with the kernel and boot settings its build metadata names). "
                    + "A DI is never registered by a path on the server.",
            mixinStandardHelpOptions = true)
    public int add(
            @Option(names = "--osf", required = true, description = "OSF name or id") String osf,
            @Option(names = "--file", description = "image file to upload") Path file,
            @Option(names = "--staged", description = "image file name in the staging directory") String staged,
            @Option(names = "--tag", description = "a tag to set, e.g. default") String tag,
            @Option(names = "--di-version", description = "version (default: date-based)") String version,
            @Option(names = "--description") String description) {
        long osfId = idOf(REFS.get("osf"), osf);
        if ((file == null) == (staged == null)) {
            throw new CliException(ExitCode.USAGE, "cli.di_source", "give exactly one of --file and --staged");
        }
        if (staged != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("osfId", osfId);
            body.put("file", staged);
            body.put("version", version);
            body.put("description", description);
            body.put("makeDefault", "default".equals(tag));
            return tagged(api().post(resource() + "/import", body), tag);
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCode.USAGE, "cli.file", "no such file: " + file);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("osfId", Long.toString(osfId));
        query.put("fileName", file.getFileName().toString());
        putIf(query, "tag", tag);
        putIf(query, "version", version);
        putIf(query, "description", description);
        return print(api().upload(resource() + "/upload", query, file));
    }

    /** Prints the new DI, after putting the extra tag on it ('default' was set when it was created). */
    private int tagged(com.fasterxml.jackson.databind.JsonNode created, String tag) {
        return tag == null || "default".equals(tag)
                ? print(created)
                : print(api().put(path(created.get("id").asText()) + "/tags/" + tag, null));
    }

    private static void putIf(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    @Command(description = "Move a tag to the selected DI.", mixinStandardHelpOptions = true)
    public int tag(
            @Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters,
            @Option(names = "--tag", required = true) String tag) {
        return forEach(filters, id -> api().put(path(id) + "/tags/" + tag, null));
    }

    @Command(description = "Remove a tag from the selected DI.", mixinStandardHelpOptions = true)
    public int untag(
            @Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters,
            @Option(names = "--tag", required = true) String tag) {
        return forEach(filters, id -> api().delete(path(id) + "/tags/" + tag));
    }
}
