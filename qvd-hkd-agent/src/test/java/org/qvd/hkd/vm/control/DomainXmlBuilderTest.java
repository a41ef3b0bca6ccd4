package org.qvd.hkd.vm.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.hkd.vm.entity.DomainSpec;
import org.qvd.hkd.vm.entity.VmDomain;
import org.qvd.hkd.vm.entity.VmNames;
import org.qvd.testsupport.RequiredResource;

class DomainXmlBuilderTest {

    private static final Path VIRT_XML_VALIDATE = Path.of("/usr/bin/virt-xml-validate");

    static final String KEY = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c2e4f6a8b0c1d3e5f7a9b1c3d5e7f9a0b";

    private final DomainXmlBuilder builder = new DomainXmlBuilder();

    static DomainSpec overlayWithHome() {
        return new DomainSpec(
                42,
                "alice-desktop",
                VmNames.domainUuid(42),
                "qemu",
                "x86_64",
                1024,
                1,
                "/var/lib/qvd/storage/overlays/qvd-vm-42-overlay.qcow2",
                false,
                "/var/lib/qvd/storage/homes/qvd-vm-42-home.qcow2",
                "qvd-net",
                "52:54:00:03:00:2a",
                "10.3.0.42",
                null,
                null,
                null,
                KEY);
    }

    static DomainSpec directBootReadOnly() {
        return new DomainSpec(
                43,
                "bob's <test> & desk",
                VmNames.domainUuid(43),
                "kvm",
                "x86_64",
                512,
                2,
                "/var/lib/qvd/storage/images/tiny-8.qcow2",
                true,
                null,
                "qvd-net",
                "52:54:00:03:00:2b",
                "10.3.0.43",
                "/var/lib/qvd/storage/images/vmlinuz-8",
                "/var/lib/qvd/storage/images/initrd-8.img",
                "root=/dev/vda console=ttyS0",
                null);
    }

    @Test
    void buildsGoldenXmlForOverlayWithHomeDisk() throws IOException {
        assertThat(builder.build(overlayWithHome())).isEqualTo(golden("domain-overlay-home.xml"));
    }

    @Test
    void buildsGoldenXmlForDirectBootWithReadOnlyImageEscapingTheName() throws IOException {
        String xml = builder.build(directBootReadOnly());

        assertThat(xml).isEqualTo(golden("domain-directboot-readonly.xml"));
        assertThat(xml).contains("<title>bob's &lt;test&gt; &amp; desk</title>");
    }

    @Test
    void passesVirtXmlValidate(@TempDir Path dir) throws Exception {
        RequiredResource.executable(VIRT_XML_VALIDATE, "libvirt-clients");
        for (DomainSpec spec : new DomainSpec[] {overlayWithHome(), directBootReadOnly()}) {
            Path file = dir.resolve(spec.domainName() + ".xml");
            Files.writeString(file, builder.build(spec));

            Process process = new ProcessBuilder(VIRT_XML_VALIDATE.toString(), file.toString(), "domain")
                    .redirectErrorStream(true)
                    .start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
        }
    }

    @Test
    void runsOnTheTestDriverAndReadsBackItsMetadata() {
        try (TestHypervisor hv = new TestHypervisor()) {
            hv.domains.create(42, builder.build(overlayWithHome()));

            VmDomain domain = hv.domains.describe(42).orElseThrow();

            assertThat(domain)
                    .isEqualTo(new VmDomain(42, "qvd-vm-42", true, "10.3.0.42", "52:54:00:03:00:2a", 1024, KEY));
            assertThat(domain.toString()).doesNotContain(KEY);
        }
    }

    @Test
    void derivesTheSameUuidForTheSameVm() {
        assertThat(VmNames.domainUuid(42)).isEqualTo(VmNames.domainUuid(42)).isNotEqualTo(VmNames.domainUuid(43));
        assertThat(VmNames.domainUuid(42)).isInstanceOf(UUID.class);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = DomainXmlBuilderTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
