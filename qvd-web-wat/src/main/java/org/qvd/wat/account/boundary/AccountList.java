package org.qvd.wat.account.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qvd.vmas.account.boundary.AccountDto;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.wat.platform.Bulk;
import org.qvd.wat.platform.Feedback;
import org.qvd.wat.platform.ServiceLazyModel;

/**
 * The screen flow administrators and users share: a lazy list filtered by tenant, login name and block; a dialog that
 * creates (with a password) or edits (description, optionally a new password); block, unblock and delete, one at a
 * time or in bulk. Each subclass is the named bean of its page: it calls its own service and keeps its own message
 * keys ({@code <kind>.created} …) and the name of its login property ({@code name} or {@code login}).
 */
abstract class AccountList<D extends AccountDto> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The prefix of the feedback messages: {@code admin} or {@code user}. */
    private final String kind;
    /** The list column filtered by login name, also the dialog's property. */
    private final String loginField;

    private final ServiceLazyModel<D> model;
    private List<D> selected = new ArrayList<>();
    private Long id;
    private Long tenantId;
    private String login;
    private String password;
    private String description;

    AccountList(String kind, String loginField) {
        this.kind = kind;
        this.loginField = loginField;
        this.model = new ServiceLazyModel<>(this::load, AccountDto::id);
    }

    abstract Page<D> list(Long tenantId, String login, Boolean blocked, PageRequest page);

    abstract void create(Long tenantId, String login, String password, String description);

    abstract void update(Long id, String description);

    abstract void changePassword(Long id, String password);

    abstract void blockById(Long id);

    abstract void unblockById(Long id);

    abstract void deleteById(Long id);

    private Page<D> load(Map<String, String> f, PageRequest page) {
        return list(
                ServiceLazyModel.number(f.get("tenant")),
                f.get(loginField),
                ServiceLazyModel.bool(f.get("blocked")),
                page);
    }

    /** Empties the dialog for a new account. */
    void clear() {
        id = null;
        tenantId = null;
        login = null;
        password = null;
        description = null;
    }

    public void edit(D row) {
        id = row.id();
        tenantId = row.tenantId();
        login = row.accountName();
        password = null;
        description = row.description();
    }

    public void save() {
        if (id == null) {
            Feedback.run(kind + ".created", () -> create(tenantId, login, password, description), login);
        } else {
            Feedback.run(
                    kind + ".saved",
                    () -> {
                        update(id, description);
                        if (password != null && !password.isEmpty()) {
                            changePassword(id, password);
                        }
                    },
                    login);
        }
        password = null;
    }

    public void block(D row) {
        Feedback.run(kind + ".blocked", () -> blockById(row.id()), row.accountName());
    }

    public void unblock(D row) {
        Feedback.run(kind + ".unblocked", () -> unblockById(row.id()), row.accountName());
    }

    public void delete(D row) {
        Feedback.run(kind + ".deleted", () -> deleteById(row.id()), row.accountName());
    }

    public void bulkBlock() {
        Bulk.apply(selected, "action.block", row -> blockById(row.id()));
    }

    public void bulkUnblock() {
        Bulk.apply(selected, "action.unblock", row -> unblockById(row.id()));
    }

    public void bulkDelete() {
        Bulk.apply(selected, "action.delete", row -> deleteById(row.id()));
        selected.clear();
    }

    public ServiceLazyModel<D> getModel() {
        return model;
    }

    public List<D> getSelected() {
        return selected;
    }

    public void setSelected(List<D> s) {
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

    /** The login name in the dialog (the subclass names the property: {@code name} or {@code login}). */
    String dialogLogin() {
        return login;
    }

    void dialogLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
