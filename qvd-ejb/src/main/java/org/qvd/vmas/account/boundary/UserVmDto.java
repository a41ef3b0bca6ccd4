package org.qvd.vmas.account.boundary;

import org.qvd.protocol.state.VmState;

/** A VM as the L7R lists it to its owner ({@code GET /qvd/list_of_vm}). */
public record UserVmDto(Long id, String name, VmState state, boolean blocked) {}
