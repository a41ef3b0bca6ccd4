package org.qvd.vmas.host.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.qvd.vmas.config.entity.ConfigKey;
import org.qvd.vmas.config.entity.ConfigKeyProvider;

/** Configuration of host placement and host loss detection (global values; no tenant owns a host). */
@ApplicationScoped
public class HostConfigKeys implements ConfigKeyProvider {

    public static final ConfigKey<Double> WEIGHT_RAM =
            weight("l7r.loadbalancer.plugin.default.weight.ram", "placement weight of a host's free RAM (GiB)");
    public static final ConfigKey<Double> WEIGHT_CPU = weight(
            "l7r.loadbalancer.plugin.default.weight.cpu", "placement weight of a host's free CPUs (CPUs minus load)");
    public static final ConfigKey<Integer> HEARTBEAT_TIMEOUT = ConfigKey.integer(
            "internal.hkd.heartbeat.timeout",
            15,
            "seconds without a heartbeat after which a host is lost and its VMs become zombies");
    public static final ConfigKey<Integer> VM_START_TIMEOUT = ConfigKey.integer(
            "internal.l7r.timeout.vm_start",
            270,
            "seconds a VM may stay starting before the start is given up and the VM stopped");

    public static final ConfigKey<Integer> COMMAND_TIMEOUT = ConfigKey.integer(
            "internal.hkd.command.timeout",
            120,
            "seconds a stop/reap/host-stop command stays valid; a host agent that gets it later refuses it as "
                    + "expired (the VMAS reconciles with the host when it registers again)");

    private static ConfigKey<Double> weight(String name, String description) {
        return new ConfigKey<>(name, Double.class, 1.0, description, Double::valueOf);
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(WEIGHT_RAM, WEIGHT_CPU, HEARTBEAT_TIMEOUT, VM_START_TIMEOUT, COMMAND_TIMEOUT);
    }
}
