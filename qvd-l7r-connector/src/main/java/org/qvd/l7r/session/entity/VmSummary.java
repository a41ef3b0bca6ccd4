package org.qvd.l7r.session.entity;

/** One entry of {@code list_of_vm}: {@code state} is the VM state name ({@code stopped}, {@code running}, ...). */
public record VmSummary(long id, String name, String state, boolean blocked) {}
