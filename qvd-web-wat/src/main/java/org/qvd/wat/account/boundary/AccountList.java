package org.qvd.wat.account.boundary;

import java.util.Map;
import org.qvd.vmas.account.boundary.AccountDto;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.wat.platform.BlockableList;
import org.qvd.wat.platform.ServiceLazyModel;

/**
 * The screen flow administrators and users share: a lazy list filtered by tenant, login name and block; a dialog that
 * creates (with a password) or edits (description, optionally a new password); block, unblock and delete, one at a
 * time or in bulk. Each subclass is the named bean of its page: it calls its own service and keeps its own message
 * keys ({@code <kind>.created} …) and the name of its login property ({@code name} or {@code login}).
 */
abstract class AccountList<D extends AccountDto> extends BlockableList<D> {

    private static final long serialVersionUID = 1L;

    /** The list column filtered by login name, also the dialog's property. */
    private final String loginField;

    private String password;

    AccountList(String kind, String loginField) {
        super(kind, AccountDto::accountName);
        this.loginField = loginField;
    }

    abstract Page<D> list(Long tenantId, String login, Boolean blocked, PageRequest page);

    abstract void create(Long tenantId, String login, String password, String description);

    abstract void update(Long id, String description);

    abstract void changePassword(Long id, String password);

    @Override
    protected Page<D> load(Map<String, String> f, PageRequest page) {
        return list(
                ServiceLazyModel.number(f.get("tenant")),
                f.get(loginField),
                ServiceLazyModel.bool(f.get("blocked")),
                page);
    }

    /** Empties the dialog for a new account. */
    void clear() {
        clearDialog();
        password = null;
    }

    public void edit(D row) {
        fillDialog(row.id(), row.tenantId(), row.accountName(), row.description());
        password = null;
    }

    public void save() {
        createOrSave(() -> create(getTenantId(), getName(), password, getDescription()), () -> {
            update(getId(), getDescription());
            if (password != null && !password.isEmpty()) {
                changePassword(getId(), password);
            }
        });
        password = null;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
