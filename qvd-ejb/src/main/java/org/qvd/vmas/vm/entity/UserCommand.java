package org.qvd.vmas.vm.entity;

/** A command for the user's connection: {@code abort} = disconnect the user. */
public enum UserCommand {
    ABORT
}
