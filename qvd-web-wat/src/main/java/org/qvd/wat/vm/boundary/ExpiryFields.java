package org.qvd.wat.vm.boundary;

import java.io.Serializable;
import java.time.LocalDateTime;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.wat.platform.Formats;

/**
 * A VM's soft and hard expiry as a dialog edits them, in the date pickers' local time (UTC, see {@link Formats}): the
 * VM list's create/edit dialog ({@link VmForm}) and the VM page's tag change ({@link VmDetail}) both set them.
 */
public abstract class ExpiryFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private LocalDateTime expirationSoft;
    private LocalDateTime expirationHard;

    /** Shows the VM's current expiries. */
    void showExpiries(VmDto vm) {
        expirationSoft = Formats.local(vm.expirationSoft());
        expirationHard = Formats.local(vm.expirationHard());
    }

    void clearExpiries() {
        expirationSoft = null;
        expirationHard = null;
    }

    public LocalDateTime getExpirationSoft() {
        return expirationSoft;
    }

    public void setExpirationSoft(LocalDateTime v) {
        this.expirationSoft = v;
    }

    public LocalDateTime getExpirationHard() {
        return expirationHard;
    }

    public void setExpirationHard(LocalDateTime v) {
        this.expirationHard = v;
    }
}
