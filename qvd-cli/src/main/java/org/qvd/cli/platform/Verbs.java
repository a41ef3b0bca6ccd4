package org.qvd.cli.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The verbs several objects share, written once: an object command lists the ones it has in its
 * {@code subcommands} (e.g. {@code tenant}: list, add, set, del, block, unblock). Each verb calls back the
 * object command it runs under, which knows the resource and the table columns.
 */
public final class Verbs {

    private Verbs() {}

    /** A verb under an object command: what it does with the object command and its arguments. */
    abstract static class Verb implements Callable<Integer> {
        @ParentCommand
        ObjectCommand object;

        private final BiFunction<ObjectCommand, List<String>, Integer> run;

        Verb(BiFunction<ObjectCommand, List<String>, Integer> run) {
            this.run = run;
        }

        abstract List<String> arguments();

        @Override
        public Integer call() {
            return run.apply(object, arguments());
        }
    }

    /** Acts on the objects its {@code key=value} filters select (at least one), or creates one from its fields. */
    abstract static class OnSelected extends Verb {
        @Parameters(paramLabel = "key=value", arity = "1..*")
        List<String> filters;

        OnSelected(BiFunction<ObjectCommand, List<String>, Integer> run) {
            super(run);
        }

        @Override
        List<String> arguments() {
            return filters;
        }
    }

    @Command(name = "list", description = "List (all when no filter).", mixinStandardHelpOptions = true)
    public static final class ListVerb extends Verb {
        @Parameters(paramLabel = "key=value", arity = "0..*")
        List<String> filters;

        public ListVerb() {
            super(ObjectCommand::doList);
        }

        @Override
        List<String> arguments() {
            return filters;
        }
    }

    @Command(name = "add", description = "Create one from its fields (key=value).", mixinStandardHelpOptions = true)
    public static final class Add extends OnSelected {
        public Add() {
            super(ObjectCommand::doAdd);
        }
    }

    @Command(name = "set", description = "Change the selected ones: -s field=value.", mixinStandardHelpOptions = true)
    public static final class Set extends OnSelected {
        @Option(
                names = {"-s", "--set"},
                required = true,
                paramLabel = "field=value")
        List<String> changes;

        public Set() {
            super(null);
        }

        @Override
        public Integer call() {
            return object.doSet(filters, changes);
        }
    }

    @Command(
            name = "del",
            aliases = "delete",
            description = "Delete the selected ones.",
            mixinStandardHelpOptions = true)
    public static final class Del extends OnSelected {
        public Del() {
            super(ObjectCommand::doDelete);
        }
    }

    /** The verbs that are {@code POST /{resource}/{id}/{verb}}, each with its help line. */
    static final Map<String, String> ACTIONS = new LinkedHashMap<>();

    static {
        ACTIONS.put("block", "Block the selected ones.");
        ACTIONS.put("unblock", "Unblock the selected ones.");
        ACTIONS.put("start", "Start the selected ones.");
        ACTIONS.put(
                "stop",
                "Stop the selected ones (a host: its agent stops every VM, then itself; state stopping, "
                        + "then stopped).");
        ACTIONS.put("disconnect", "Disconnect the user from the selected VMs.");
    }

    /** One action verb, registered under its name by {@link #addActions}. */
    @Command(mixinStandardHelpOptions = true)
    static final class Action extends OnSelected {
        Action(String action) {
            super((object, filters) -> object.doAction(filters, action));
        }
    }

    /** Adds the action verbs an object command names ({@link ObjectCommand#actions()}) to its command line. */
    static void addActions(CommandLine objectLine) {
        if (objectLine.getCommand() instanceof ObjectCommand object) {
            for (String action : object.actions()) {
                CommandLine verb = new CommandLine(new Action(action));
                verb.getCommandSpec().usageMessage().description(ACTIONS.get(action));
                objectLine.addSubcommand(action, verb);
            }
        }
    }

    @Command(
            name = "passwd",
            description = "Set the password of the selected ones (read from QVD_NEW_PASSWORD or " + "--new-password).",
            mixinStandardHelpOptions = true)
    public static final class Passwd extends OnSelected {
        @Option(names = "--new-password", paramLabel = "PASSWORD")
        String password;

        public Passwd() {
            super(null);
        }

        @Override
        public Integer call() {
            String pw = password != null ? password : System.getenv("QVD_NEW_PASSWORD");
            if (pw == null && System.console() != null) {
                pw = new String(System.console().readPassword("New password: "));
            }
            if (pw == null) {
                throw new CliException(
                        ExitCode.USAGE,
                        "cli.no_password",
                        "give the new password with --new-password or QVD_NEW_PASSWORD");
            }
            Map<String, Object> body = Map.of("password", pw);
            return object.forEach(filters, id -> object.api().put(object.path(id) + "/password", body));
        }
    }
}
