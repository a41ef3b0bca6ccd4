package org.qvd.vmas.host.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whose event the VMAS applies: the host of the address the broker says it was sent to, never the body's word. */
class HostEventSenderTest {

    @Test
    void anEventFromItsOwnHostsAddressIsApplied() {
        HostEventSender sender = new HostEventSender("jms.queue.qvd.events.node-1", "node-1");

        assertThat(sender.refusal()).isEmpty();
        assertThat(sender.host()).contains("node-1");
        assertThat(sender.account()).isEqualTo("qvd-hkd-node-1");
    }

    @Test
    void anEventNamingAnotherHostIsRefusedSayingWhoSentItAndWhom() {
        HostEventSender sender = new HostEventSender("jms.queue.qvd.events.node-1", "node-2");

        assertThat(sender.refusal()).contains(HostEventSender.MISMATCH);
        assertThat(sender.account()).isEqualTo("qvd-hkd-node-1");
        assertThat(sender.explain("VmStateChanged"))
                .isEqualTo("VmStateChanged sent to qvd.events.node-1 names host "
                        + "node-2: only events of host node-1 are taken from there");
    }

    @Test
    void anEventWithoutAHostsAddressIsRefused() {
        for (String address :
                new String[] {null, "", "jms.queue.qvd.events", "jms.queue.qvd.hkd.node-1", "jms.queue.qvd.events.a.b"
                }) {
            HostEventSender sender = new HostEventSender(address, "node-1");
            assertThat(sender.refusal()).as(address).contains(HostEventSender.UNADDRESSED);
            assertThat(sender.account()).isEqualTo("(no host address)");
            assertThat(sender.explain("HostHeartbeat")).contains("did not come through a host's own address");
        }
    }
}
