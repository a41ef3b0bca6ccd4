package org.qvd.vma.power.control;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.protocol.vma.VmaParameters;
import org.qvd.vma.platform.Commands;
import org.qvd.vma.session.control.ParameterInvalidException;

/** poweroff (the VM shuts itself down) and expire (the platform announces when the VM will be stopped). */
public final class PowerControl {
    private static final Logger LOG = Logger.getLogger(PowerControl.class.getName());
    private final List<String> poweroffCommand;
    private volatile Long softExpiry;
    private volatile Long hardExpiry;

    public PowerControl(List<String> poweroffCommand) {
        this.poweroffCommand = poweroffCommand;
    }

    /** Runs the configured command shortly after the answer went out. */
    public void poweroff() {
        Thread thread = new Thread(
                () -> {
                    try {
                        Thread.sleep(300);
                        if (!poweroffCommand.isEmpty()) {
                            LOG.info(() -> "powering off: " + poweroffCommand);
                            Commands.require(poweroffCommand, 60);
                        }
                    } catch (IOException e) {
                        LOG.log(Level.SEVERE, "poweroff failed", e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "poweroff");
        thread.setDaemon(false);
        thread.start();
    }

    /** Records the expiry times (epoch seconds); the hard one is enforced by the HKD, not here. */
    public void expire(Map<String, String> params) {
        softExpiry = epochSeconds(params, VmaParameters.EXPIRATION_SOFT);
        hardExpiry = epochSeconds(params, VmaParameters.EXPIRATION_HARD);
        LOG.info(() -> "expiry announced: soft " + softExpiry + ", hard " + hardExpiry);
    }

    public Long softExpiry() {
        return softExpiry;
    }

    public Long hardExpiry() {
        return hardExpiry;
    }

    private static Long epochSeconds(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches("[0-9]{1,12}")) {
            throw new ParameterInvalidException(name, "expected epoch seconds");
        }
        return Long.valueOf(value);
    }
}
