package org.qvd.cli.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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

    private Verbs() {
    }

    /** A verb under an object command; {@code key=value} filters select the objects. */
    abstract static class Verb implements Callable<Integer> {
        @ParentCommand
        ObjectCommand object;
    }

    /** A verb that acts on the selected objects: at least one filter. */
    abstract static class OnSelected extends Verb {
        @Parameters(paramLabel = "key=value", arity = "1..*")
        List<String> filters;
    }

    /** {@code POST /{resource}/{id}/{action}} for every selected object. */
    abstract static class Action extends OnSelected {
        private final String action;

        Action(String action) {
            this.action = action;
        }

        @Override
        public Integer call() {
            return object.doAction(filters, action);
        }
    }

    @Command(name = "list", description = "List (all when no filter).", mixinStandardHelpOptions = true)
    public static final class ListVerb extends Verb {
        @Parameters(paramLabel = "key=value", arity = "0..*")
        List<String> filters;

        @Override
        public Integer call() {
            return object.doList(filters);
        }
    }

    @Command(name = "add", description = "Create one.", mixinStandardHelpOptions = true)
    public static final class Add extends Verb {
        @Parameters(paramLabel = "field=value", arity = "1..*")
        List<String> fields;

        @Override
        public Integer call() {
            return object.doAdd(fields);
        }
    }

    @Command(name = "set", description = "Change the selected ones: -s field=value.", mixinStandardHelpOptions = true)
    public static final class Set extends OnSelected {
        @Option(names = {"-s", "--set"}, required = true, paramLabel = "field=value")
        List<String> changes;

        @Override
        public Integer call() {
            return object.doSet(filters, changes);
        }
    }

    @Command(name = "del", aliases = "delete", description = "Delete the selected ones.", mixinStandardHelpOptions = true)
    public static final class Del extends OnSelected {
        @Override
        public Integer call() {
            return object.doDelete(filters);
        }
    }

    @Command(name = "block", description = "Block the selected ones.", mixinStandardHelpOptions = true)
    public static final class Block extends Action {
        public Block() {
            super("block");
        }
    }

    @Command(name = "unblock", description = "Unblock the selected ones.", mixinStandardHelpOptions = true)
    public static final class Unblock extends Action {
        public Unblock() {
            super("unblock");
        }
    }

    @Command(name = "start", description = "Start the selected ones.", mixinStandardHelpOptions = true)
    public static final class Start extends Action {
        public Start() {
            super("start");
        }
    }

    @Command(name = "stop", description = "Stop the selected ones (a host: its agent stops every VM, then itself; "
            + "state stopping, then stopped).", mixinStandardHelpOptions = true)
    public static final class Stop extends Action {
        public Stop() {
            super("stop");
        }
    }

    @Command(name = "disconnect", description = "Disconnect the user from the selected VMs.",
            mixinStandardHelpOptions = true)
    public static final class Disconnect extends Action {
        public Disconnect() {
            super("disconnect");
        }
    }

    @Command(name = "passwd", description = "Set the password of the selected ones (read from QVD_NEW_PASSWORD or "
            + "--new-password).", mixinStandardHelpOptions = true)
    public static final class Passwd extends OnSelected {
        @Option(names = "--new-password", paramLabel = "PASSWORD")
        String password;

        @Override
        public Integer call() {
            String pw = password != null ? password : System.getenv("QVD_NEW_PASSWORD");
            if (pw == null && System.console() != null) {
                pw = new String(System.console().readPassword("New password: "));
            }
            if (pw == null) {
                throw new CliException(ExitCode.USAGE, "cli.no_password",
                        "give the new password with --new-password or QVD_NEW_PASSWORD");
            }
            Map<String, Object> body = Map.of("password", pw);
            return object.forEach(filters, id -> object.api().put(object.path(id) + "/password", body));
        }
    }
}
