package org.qvd.vmas.vm.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.qvd.vmas.config.entity.ConfigKey;
import org.qvd.vmas.config.entity.ConfigKeyProvider;

/** The VM component's configuration keys and defaults. */
@ApplicationScoped
public class VmConfigKeys implements ConfigKeyProvider {

    public static final ConfigKey<String> IP_START =
            ipv4("vm.network.ip.start", "10.3.15.10", "first IP handed to new VMs (per tenant; inside the VM network)");
    public static final ConfigKey<String> IP_END =
            ipv4("vm.network.ip.end", "10.3.15.250", "last IP handed to new VMs (per tenant; inside the VM network)");
    public static final ConfigKey<String> NETMASK = ipv4(
            "vm.network.netmask",
            "255.255.0.0",
            "netmask of the VM network, as the hosts' vm.network.netmask (global only)");
    public static final ConfigKey<String> GATEWAY = ipv4(
            "vm.network.gateway",
            "10.3.0.1",
            "the hosts' address on the VM network, as their vm.network.address (global only)");
    public static final ConfigKey<String> MAC_PREFIX = new ConfigKey<>(
            "vm.network.mac.prefix",
            String.class,
            "02:51",
            "first two octets of the VMs' MACs, locally administered; the VM's IP makes the rest (global only)",
            VmNetwork::macPrefix);
    public static final ConfigKey<Integer> OSF_DEFAULT_MEMORY =
            ConfigKey.integer("osf.default.memory", 256, "memory (MB) of a new OSF when none is given");
    public static final ConfigKey<Boolean> OSF_DEFAULT_OVERLAY =
            ConfigKey.bool("osf.default.overlay", Boolean.TRUE, "whether a new OSF uses an overlay by default");

    public static final ConfigKey<Integer> START_RESEND_AFTER = ConfigKey.integer(
            "internal.hkd.command.start_resend_after",
            10,
            "seconds after which a start its host has not taken (not listed in a heartbeat, not reported) is sent "
                    + "again, unchanged; the host runs it once");

    private static ConfigKey<String> ipv4(String name, String dflt, String description) {
        return new ConfigKey<>(name, String.class, dflt, description, v -> Ipv4.format(Ipv4.parse(v)));
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(
                IP_START,
                IP_END,
                NETMASK,
                GATEWAY,
                MAC_PREFIX,
                OSF_DEFAULT_MEMORY,
                OSF_DEFAULT_OVERLAY,
                START_RESEND_AFTER);
    }
}
