package org.qvd.vm.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.qvd.config.entity.ConfigKey;
import org.qvd.config.entity.ConfigKeyProvider;

/** The VM component's configuration keys and defaults. */
@ApplicationScoped
public class VmConfigKeys implements ConfigKeyProvider {

    public static final ConfigKey<String> IP_START =
            ConfigKey.string("vm.network.ip.start", "10.3.15.10", "first IP handed to new VMs");
    public static final ConfigKey<String> IP_END =
            ConfigKey.string("vm.network.ip.end", "10.3.15.250", "last IP handed to new VMs");
    public static final ConfigKey<String> NETMASK =
            ConfigKey.string("vm.network.netmask", "255.255.255.0", "netmask of the VM network");
    public static final ConfigKey<String> GATEWAY =
            ConfigKey.string("vm.network.gateway", "10.3.15.1", "gateway of the VM network");
    public static final ConfigKey<String> MAC_PREFIX =
            ConfigKey.string("vm.network.mac.prefix", "54:52:00", "prefix of the VMs' MAC addresses");
    public static final ConfigKey<Integer> OSF_DEFAULT_MEMORY =
            ConfigKey.integer("osf.default.memory", 256, "memory (MB) of a new OSF when none is given");
    public static final ConfigKey<Boolean> OSF_DEFAULT_OVERLAY =
            ConfigKey.bool("osf.default.overlay", Boolean.TRUE, "whether a new OSF uses an overlay by default");

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(IP_START, IP_END, NETMASK, GATEWAY, MAC_PREFIX, OSF_DEFAULT_MEMORY, OSF_DEFAULT_OVERLAY);
    }
}
