package org.qvd.vmas.account.boundary;

/** A VM as the L7R lists it to its owner ({@code GET /qvd/list_of_vm}): state in QVD's lower-case names. */
public record UserVmDto(Long id, String name, String state, boolean blocked) {}
