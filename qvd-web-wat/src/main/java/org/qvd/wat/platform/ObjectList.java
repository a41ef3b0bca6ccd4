package org.qvd.wat.platform;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.qvd.vmas.platform.audit.AuditSubject;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;

/**
 * The screen flow every list of named objects shares (tenants, hosts, roles, OSFs, accounts): a lazy list and the rows
 * selected in it; a dialog that creates an object or edits one (its id, owning tenant, name and description; the
 * subclass adds the rest); an action on one row or on the selected ones, with its message. Each subclass is the named
 * bean of its page: it calls its own service and its messages are its own ({@code <kind>.created} …); the protected
 * helpers have names of their own so that no page's EL method ({@code save}, {@code bulkDelete}) is overloaded.
 */
public abstract class ObjectList<T extends AuditSubject> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The name a message shows for a row (a plain name, an account's login). */
    @FunctionalInterface
    public interface Label<T> extends Serializable {
        String of(T row);
    }

    /** The prefix of the feedback messages, e.g. {@code tenant}. */
    private final String kind;

    private final Label<T> label;
    private final ServiceLazyModel<T> model;
    private List<T> selected = new ArrayList<>();
    private Long id;
    /** The tenant that owns the object (roles, OSFs, accounts); tenants and hosts have none and leave it null. */
    private Long tenantId;

    private String name;
    private String description;

    protected ObjectList(String kind, Label<T> label) {
        this.kind = kind;
        this.label = label;
        this.model = new ServiceLazyModel<>(this::load, AuditSubject::id);
    }

    /** One page of the list; filters are column field → non-blank text. */
    protected abstract Page<T> load(Map<String, String> filters, PageRequest page);

    /** Empties the dialog's common fields for a new object. */
    protected void clearDialog() {
        id = null;
        tenantId = null;
        name = null;
        description = null;
    }

    /** Fills the dialog's common fields from the edited object, which no tenant owns. */
    protected void fillDialog(Long id, String name, String description) {
        fillDialog(id, null, name, description);
    }

    /** Fills the dialog's common fields from the edited object and its tenant. */
    protected void fillDialog(Long id, Long tenantId, String name, String description) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.description = description;
    }

    /** Creates the dialog's object (no id yet) or saves the edited one; the message names it. */
    protected void createOrSave(Feedback.Action create, Feedback.Action update) {
        if (id == null) {
            Feedback.run(kind + ".created", create, name);
        } else {
            Feedback.run(kind + ".saved", update, name);
        }
    }

    /** Runs {@code call} on the row and says so with {@code <kind>.<done>}. */
    protected void act(String done, Consumer<Long> call, T row) {
        Feedback.run(kind + "." + done, () -> call.accept(row.id()), label.of(row));
    }

    /** Runs {@code call} on each selected row (see {@link Bulk}). */
    protected void bulk(String actionKey, Consumer<Long> call) {
        Bulk.apply(selected, actionKey, row -> call.accept(row.id()));
    }

    /** Deletes the selected rows; none stays selected (a deleted row must not come back in the next bulk action). */
    protected void deleteSelected(Consumer<Long> delete) {
        bulk("action.delete", delete);
        selected.clear();
    }

    public ServiceLazyModel<T> getModel() {
        return model;
    }

    public List<T> getSelected() {
        return selected;
    }

    public void setSelected(List<T> s) {
        selected = s == null ? new ArrayList<>() : new ArrayList<>(s);
    }

    public Long getId() {
        return id;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public void setTenantId(Long tenantId) {
        this.tenantId = tenantId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
