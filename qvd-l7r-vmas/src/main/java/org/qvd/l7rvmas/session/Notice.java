package org.qvd.l7rvmas.session;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.qvd.vmas.session.notice.Notices;

/** One cluster-wide notice as read from {@code qvd.notices}; absent properties are null. */
record Notice(String type, long vmId, String state, String reason, String connection) {

    static Notice vmState(long vmId, String state, String reason) {
        return new Notice(Notices.TYPE_VM_STATE, vmId, state, reason, null);
    }

    static Notice released(long vmId, String connection) {
        return new Notice(Notices.TYPE_CONNECTION_RELEASED, vmId, null, null, connection);
    }

    static Notice from(Message m) throws JMSException {
        return new Notice(
                m.getStringProperty(Notices.TYPE),
                m.propertyExists(Notices.VM_ID) ? m.getLongProperty(Notices.VM_ID) : -1,
                m.getStringProperty(Notices.STATE),
                m.getStringProperty(Notices.REASON),
                m.getStringProperty(Notices.CONNECTION));
    }

    boolean isVmState(String... states) {
        if (!Notices.TYPE_VM_STATE.equals(type)) {
            return false;
        }
        for (String s : states) {
            if (s.equals(state)) {
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
