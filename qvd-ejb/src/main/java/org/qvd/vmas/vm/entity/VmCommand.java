package org.qvd.vmas.vm.entity;

/** A command an admin asked for and a host has yet to carry out. */
public enum VmCommand {
    START,
    STOP
}
