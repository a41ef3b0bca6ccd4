package org.qvd.protocol.message;

import java.util.List;
import java.util.Map;
import org.qvd.protocol.host.HostHeartbeat;
import org.qvd.protocol.host.HostRegistered;
import org.qvd.protocol.host.HostStateChanged;
import org.qvd.protocol.host.StopHostCommand;
import org.qvd.protocol.vm.PurgeHomeCommand;
import org.qvd.protocol.vm.ReapVmCommand;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.StopVmCommand;
import org.qvd.protocol.vm.VmStateChanged;
import org.qvd.protocol.vm.VmaState;

/**
 * The wire names of the message types of schema 1.x. A new type is a minor version bump: old receivers
 * refuse it as unknown, which they log and drop.
 */
public final class MessageTypes {

    private static final Map<String, Class<? extends HkdMessage>> BY_NAME = Map.ofEntries(
            Map.entry("StartVm", StartVmCommand.class),
            Map.entry("StopVm", StopVmCommand.class),
            Map.entry("ReapVm", ReapVmCommand.class),
            Map.entry("PurgeHome", PurgeHomeCommand.class),
            Map.entry("StopHost", StopHostCommand.class),
            Map.entry("HostRegistered", HostRegistered.class),
            Map.entry("HostHeartbeat", HostHeartbeat.class),
            Map.entry("HostStateChanged", HostStateChanged.class),
            Map.entry("VmStateChanged", VmStateChanged.class),
            Map.entry("VmaState", VmaState.class),
            Map.entry("CommandFailed", CommandFailed.class));

    private MessageTypes() {}

    /** The record class of a wire type name. */
    public static Class<? extends HkdMessage> classOf(String name) {
        Class<? extends HkdMessage> type = name == null ? null : BY_NAME.get(name);
        if (type == null) {
            throw new MessageTypeUnknownException(name);
        }
        return type;
    }

    /** The wire type name of a record class. */
    public static String nameOf(Class<? extends HkdMessage> type) {
        return BY_NAME.entrySet().stream()
                .filter(entry -> entry.getValue().equals(type))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type + " is not a registered message type"));
    }

    /** Every known wire type name, sorted. */
    public static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }
}
