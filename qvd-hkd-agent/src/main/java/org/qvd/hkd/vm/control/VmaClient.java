package org.qvd.hkd.vm.control;

/**
 * The calls the HKD makes to the VMA inside a VM (ARCHITECTURE §5). An interface because under libvirt's
 * test driver no guest exists to answer: tests use a stand-in, named as such.
 */
public interface VmaClient {

    /** Whether the VMA at this address answers {@code /vma/ping} now. Never throws. */
    boolean ping(String ip);

    /** Asks the VMA to power the guest off; false if it did not accept. Never throws. */
    boolean poweroff(String ip);
}
