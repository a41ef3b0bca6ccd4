package org.qvd.vmas.vm.entity;

/** The X session inside the VM as the VMA reports it (recorded, not enforced: the VMA is the authority). */
public enum XState {
    STOPPED, STARTING, PROVISIONING, LISTENING, CONNECTED, SUSPENDING, SUSPENDED, STOPPING
}
