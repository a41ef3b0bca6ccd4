package org.qvd.hkd.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.message.Envelope;
import org.qvd.protocol.message.HkdCommand;
import org.qvd.protocol.message.MessageCodec;
import org.qvd.protocol.message.ProtocolException;
import org.qvd.protocol.vm.PurgeHomeCommand;
import org.qvd.protocol.vm.ReapVmCommand;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.StopVmCommand;

/**
 * Decodes a command, refuses what it cannot read or what is addressed to another host (logged, dropped),
 * ignores a copy of a command it has taken already ({@link TakenCommands}), and runs the command's handler on the
 * worker pool so long starts do not block the JMS session.
 */
public final class CommandDispatcher {

    private static final Logger LOG = Logger.getLogger(CommandDispatcher.class.getName());

    private final String hostName;
    private final MessageCodec codec;
    private final ExecutorService workers;
    private final EventSink events;
    private final Map<Class<?>, CommandHandler<?>> handlers = new HashMap<>();
    private final TakenCommands taken;
    private final Clock clock;

    /** Remembering taken commands in memory only (tests). */
    public CommandDispatcher(String hostName, MessageCodec codec, ExecutorService workers, EventSink events) {
        this(hostName, codec, workers, events, Clock.systemUTC(), TakenCommands.inMemory());
    }

    public CommandDispatcher(
            String hostName,
            MessageCodec codec,
            ExecutorService workers,
            EventSink events,
            Clock clock,
            TakenCommands taken) {
        this.clock = clock;
        this.taken = taken;
        this.hostName = hostName;
        this.codec = codec;
        this.workers = workers;
        this.events = events;
    }

    public <C extends HkdCommand> CommandDispatcher on(Class<C> type, CommandHandler<C> handler) {
        handlers.put(type, handler);
        return this;
    }

    /** Takes one message body; returns false if it was refused. Never throws. */
    public boolean dispatch(String json) {
        Envelope envelope;
        try {
            envelope = codec.decode(json);
        } catch (ProtocolException e) {
            LOG.warning(() -> "refused a message: " + e.getMessage());
            return false;
        }
        if (!(envelope.message() instanceof HkdCommand command) || !handlers.containsKey(command.getClass())) {
            LOG.warning(() -> "refused " + envelope.type() + ": not a command this agent handles");
            return false;
        }
        if (!hostName.equals(command.hostName())) {
            LOG.warning(() -> "refused " + envelope.type() + " " + command.correlationId() + " addressed to host "
                    + command.hostName() + ", this is " + hostName);
            return false;
        }
        // before the deadline check: an expired copy of an old start must not end a newer start of the same VM
        if (!taken.take(envelope.type(), command.correlationId(), command.deadline())) {
            LOG.warning(() -> "ignored " + envelope.type() + " " + command.correlationId() + " (vm " + vmIdOf(command)
                    + "): delivered again (a broker lost its acknowledgement, or the VMAS sent it again); already "
                    + "taken, not executed twice");
            return true;
        }
        if (expired(envelope.type(), command)) {
            return false;
        }
        LOG.info(() -> "received " + envelope.type() + " " + command.correlationId());
        try {
            workers.execute(() -> run(envelope.type(), command));
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "agent is shutting down; dropped " + envelope.type() + " " + command.correlationId());
            return false;
        }
        return true;
    }

    /**
     * C2: the VMAS has given up on a command past its deadline; acting now would fight the VMAS's own timeout.
     * Logged once and answered {@code expired}; checked on arrival and again when a handler thread takes it.
     */
    private boolean expired(String type, HkdCommand command) {
        if (!command.expiredAt(clock.instant())) {
            return false;
        }
        LOG.warning(() -> "refused " + type + " " + command.correlationId() + " (vm " + vmIdOf(command)
                + "): expired at " + command.deadline() + ", not executed");
        events.publish(
                new CommandFailed(hostName, command.correlationId(), type, vmIdOf(command), null, HkdCommand.EXPIRED));
        return true;
    }

    @SuppressWarnings("unchecked")
    private <C extends HkdCommand> void run(String type, C command) {
        if (expired(type, command)) {
            return;
        }
        try {
            ((CommandHandler<C>) handlers.get(command.getClass())).handle(command);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "handler of " + type + " " + command.correlationId() + " failed unexpectedly", e);
            events.publish(new CommandFailed(
                    hostName, command.correlationId(), type, vmIdOf(command), null, "internal error in the HKD: " + e));
        }
    }

    private static Long vmIdOf(HkdCommand command) {
        if (command instanceof StartVmCommand c) {
            return c.vmId();
        } else if (command instanceof StopVmCommand c) {
            return c.vmId();
        } else if (command instanceof ReapVmCommand c) {
            return c.vmId();
        } else if (command instanceof PurgeHomeCommand c) {
            return c.vmId();
        }
        return null;
    }
}
