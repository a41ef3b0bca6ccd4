package org.qvd.hkd.host.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.hkd.vm.entity.StorageLayout;

class HostSetupTest {

    @Test
    void definesAndStartsMissingPoolsAndNetworkAndKeepsThemOnTheNextStart() throws Exception {
        HkdConfig config = HkdConfig.of(TestHypervisor.testSettings(Map.of("vm.network.forward", "none")));
        Connect connect = new Connect(config.get(HkdConfig.LIBVIRT_URI));
        try {
            StorageLayout layout = StorageLayout.of("qvd", "/srv/i", "/srv/o", "/srv/h");
            HostSetup setup = new HostSetup(connect, config, layout);

            setup.prepare();
            String networkBefore = connect.networkLookupByName("qvd-net").getXMLDesc(0);
            setup.prepare();

            assertThat(connect.listStoragePools()).containsExactlyInAnyOrder("qvd-images", "qvd-overlays", "qvd-homes");
            assertThat(connect.storagePoolLookupByName("qvd-overlays").getXMLDesc(0))
                    .contains("<path>/srv/o</path>");
            assertThat(connect.networkLookupByName("qvd-net").isActive()).isEqualTo(1);
            assertThat(connect.networkLookupByName("qvd-net").getXMLDesc(0))
                    .isEqualTo(networkBefore)
                    .contains("qvdbr0", "10.3.0.1", "255.255.0.0")
                    .doesNotContain("forward");
        } finally {
            connect.close();
        }
    }

    @Test
    void buildsANatNetworkByDefault() {
        HkdConfig config = HkdConfig.of(Map.of());

        assertThat(new HostSetup(null, config, null).networkXml())
                .isEqualTo("<network><name>qvd-net</name><forward mode=\"nat\"/><bridge name=\"qvdbr0\" stp=\"off\"/>"
                        + "<ip address=\"10.3.0.1\" netmask=\"255.255.0.0\"><dhcp/></ip></network>");
    }
}
