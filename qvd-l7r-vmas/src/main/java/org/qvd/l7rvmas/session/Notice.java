package org.qvd.l7rvmas.session;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.qvd.protocol.state.VmState;
import org.qvd.vmas.session.notice.Notices;

/** One cluster-wide notice as read from {@code qvd.notices}; absent properties are null. */
record Notice(String type, long vmId, VmState state, String reason, String connection) {

    static Notice vmState(long vmId, VmState state, String reason) {
        return new Notice(Notices.TYPE_VM_STATE, vmId, state, reason, null);
    }

    static Notice released(long vmId, String connection) {
        return new Notice(Notices.TYPE_CONNECTION_RELEASED, vmId, null, null, connection);
    }

    static Notice from(Message m) throws JMSException {
        return new Notice(
                m.getStringProperty(Notices.TYPE),
                m.propertyExists(Notices.VM_ID) ? m.getLongProperty(Notices.VM_ID) : -1,
                state(m.getStringProperty(Notices.STATE)),
                m.getStringProperty(Notices.REASON),
                m.getStringProperty(Notices.CONNECTION));
    }

    /** Absent on other notice types; a state this node does not know (a newer node's) matches no waiter. */
    private static VmState state(String wireName) {
        if (wireName == null) {
            return null;
        }
        try {
            return VmState.fromWire(wireName);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    boolean isVmState(VmState... states) {
        if (!Notices.TYPE_VM_STATE.equals(type)) {
            return false;
        }
        for (VmState s : states) {
            if (s == state) {
                return true;
            }
        }
        return false;
    }

    boolean isReleased() {
        return Notices.TYPE_CONNECTION_RELEASED.equals(type);
    }

    boolean isAbort() {
        return Notices.TYPE_ABORT_CONNECTION.equals(type);
    }
}
