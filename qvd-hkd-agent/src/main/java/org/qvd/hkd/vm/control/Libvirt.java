package org.qvd.hkd.vm.control;

import java.util.Optional;
import org.libvirt.Connect;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

/** Turns libvirt's checked exceptions into {@link LibvirtFailureException}s and "not found" into empty. */
public final class Libvirt {

    /** A libvirt call. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws LibvirtException;
    }

    /** A libvirt call without a result. */
    @FunctionalInterface
    public interface Action {
        void run() throws LibvirtException;
    }

    private Libvirt() {}

    public static <T> T call(String action, Call<T> call) {
        try {
            return call.run();
        } catch (LibvirtException e) {
            throw new LibvirtFailureException(action, e);
        }
    }

    public static void run(String action, Action call) {
        call(action, () -> {
            call.run();
            return null;
        });
    }

    /** The object a lookup finds, or empty when libvirt says it does not exist. */
    public static <T> Optional<T> lookup(String action, Call<T> call) {
        try {
            return Optional.ofNullable(call.run());
        } catch (LibvirtException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw new LibvirtFailureException(action, e);
        }
    }

    /** Whether the connection is libvirt's test driver, whose domains and volumes exist only in its memory. */
    public static boolean isTestDriver(Connect connect) {
        return "Test".equalsIgnoreCase(call("reading the hypervisor type", connect::getType));
    }

    static boolean isNotFound(LibvirtException e) {
        ErrorNumber code = e.getError() == null ? null : e.getError().getCode();
        return code == ErrorNumber.VIR_ERR_NO_DOMAIN
                || code == ErrorNumber.VIR_ERR_NO_STORAGE_VOL
                || code == ErrorNumber.VIR_ERR_NO_NETWORK
                || code == ErrorNumber.VIR_ERR_NO_STORAGE_POOL;
    }
}
