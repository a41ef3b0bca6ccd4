package org.qvd.wat.platform;

import java.util.function.Consumer;
import org.qvd.vmas.platform.audit.AuditSubject;

/**
 * An {@link ObjectList} whose objects an administrator blocks, unblocks and deletes, one row or the selected ones
 * (tenants, hosts, accounts); the messages are {@code <kind>.blocked}, {@code <kind>.unblocked} and
 * {@code <kind>.deleted}.
 */
public abstract class BlockableList<T extends AuditSubject> extends ObjectList<T> {

    private static final long serialVersionUID = 1L;

    /** The service's calls behind the actions, each on one object by its id. */
    public record Calls(Consumer<Long> block, Consumer<Long> unblock, Consumer<Long> delete) {}

    protected BlockableList(String kind, Label<T> label) {
        super(kind, label);
    }

    /** Asked at each action: the service is injected after the bean is constructed. */
    protected abstract Calls calls();

    public void block(T row) {
        act("blocked", calls().block(), row);
    }

    public void unblock(T row) {
        act("unblocked", calls().unblock(), row);
    }

    public void delete(T row) {
        act("deleted", calls().delete(), row);
    }

    public void bulkBlock() {
        bulk("action.block", calls().block());
    }

    public void bulkUnblock() {
        bulk("action.unblock", calls().unblock());
    }

    public void bulkDelete() {
        deleteSelected(calls().delete());
    }
}
