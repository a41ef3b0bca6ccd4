package org.qvd.client.session.entity;

/** One VM as {@code list_of_vm} shows it: {@code {id, name, state, blocked}}. */
public record VmSummary(long id, String name, String state, boolean blocked) {}
