package org.qvd.desktop.session.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qvd.l7r.session.entity.VmUnavailableException;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vma.VmaPorts;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.vmas.vm.boundary.VmRuntimeService;

/**
 * Asks the VM's agent for a VNC server ({@code vnc_start}, with the VM's key like every VMA call): it then waits for
 * one connection from this node only. Called by the node that relays, so the agent allows exactly that node.
 */
@ApplicationScoped
public class VncStarter {
    private static final Pattern PORT = Pattern.compile("\"port\"\\s*:\\s*([0-9]{1,5})");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @EJB
    VmRuntimeService runtime;

    /**
     * @param mode {@code desktop}, {@code view} or {@code assist}; {@code geometry} WxH for a desktop, else null
     * @param admin who watches (view, assist): the user's notice names them; null for a desktop
     */
    public InetSocketAddress start(long vmId, String mode, String geometry, String admin) {
        VmDto vm = runtime.get(vmId);
        if (vm.state() != VmState.RUNNING || vm.address() == null) {
            throw new VmUnavailableException(
                    "the virtual machine is " + vm.state().wireName());
        }
        int vmaPort = vm.vmaPort() != null ? vm.vmaPort() : VmaPorts.HTTP;
        String query = "vnc.mode=" + mode
                + (geometry == null ? "" : "&vnc.geometry=" + URLEncoder.encode(geometry, StandardCharsets.UTF_8))
                + (admin == null ? "" : "&vnc.admin=" + URLEncoder.encode(admin, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://" + host(vm.address()) + ":" + vmaPort + "/vma/vnc_start?" + query))
                .timeout(Duration.ofSeconds(40))
                .GET();
        String key = runtime.vmaKey(vmId);
        if (key != null) {
            request.header("X-QVD-VMA-Key", key);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new VmUnavailableException("the virtual machine's agent does not answer ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VmUnavailableException("interrupted");
        }
        Matcher port = PORT.matcher(response.body());
        if (response.statusCode() != 200 || !port.find()) {
            Matcher m = MESSAGE.matcher(response.body());
            throw new VmUnavailableException("the virtual machine's agent offers no view (" + response.statusCode()
                    + (m.find() ? ": " + m.group(1) : "") + ")");
        }
        return new InetSocketAddress(vm.address(), Integer.parseInt(port.group(1)));
    }

    private static String host(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
