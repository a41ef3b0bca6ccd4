package org.qvd.hkd.messaging;

import org.qvd.protocol.message.HkdCommand;

/**
 * Handles one command type. Implementations are idempotent (a command delivered twice does no harm) and
 * report expected failures themselves as {@code CommandFailed}; an exception escaping here is a bug,
 * which the dispatcher reports too.
 */
public interface CommandHandler<C extends HkdCommand> {

    void handle(C command);
}
