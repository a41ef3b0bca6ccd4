package org.qvd.wat.account.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qvd.vmas.account.boundary.UserDto;
import org.qvd.vmas.account.boundary.UserRequests.NewUser;
import org.qvd.vmas.account.boundary.UserRequests.UserFilter;
import org.qvd.vmas.account.boundary.UserRequests.UserUpdate;
import org.qvd.vmas.account.boundary.UserService;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.wat.platform.Bulk;
import org.qvd.wat.platform.Feedback;
import org.qvd.wat.platform.ServiceLazyModel;

/** The user list: lazy, create/edit dialog (password on create or change), block/unblock/delete, bulk. */
@Named
@ViewScoped
public class UserList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserService users;

    private final ServiceLazyModel<UserDto> model = new ServiceLazyModel<>(this::load, UserDto::id);
    private List<UserDto> selected = new ArrayList<>();
    private Long id;
    private Long tenantId;
    private String login;
    private String password;
    private String description;

    private Page<UserDto> load(Map<String, String> f, PageRequest page) {
        return users.list(
                new UserFilter(
                        ServiceLazyModel.number(f.get("tenant")),
                        f.get("login"),
                        ServiceLazyModel.bool(f.get("blocked"))),
                page);
    }

    public void newUser() {
        id = null;
        tenantId = null;
        login = null;
        password = null;
        description = null;
    }

    public void edit(UserDto u) {
        id = u.id();
        tenantId = u.tenantId();
        login = u.login();
        password = null;
        description = u.description();
    }

    public void save() {
        if (id == null) {
            Feedback.run(
                    "user.created", () -> users.create(new NewUser(tenantId, login, password, description)), login);
        } else {
            Feedback.run(
                    "user.saved",
                    () -> {
                        users.update(id, new UserUpdate(description));
                        if (password != null && !password.isEmpty()) {
                            users.changePassword(id, password);
                        }
                    },
                    login);
        }
        password = null;
    }

    public void block(UserDto u) {
        Feedback.run("user.blocked", () -> users.block(u.id()), u.login());
    }

    public void unblock(UserDto u) {
        Feedback.run("user.unblocked", () -> users.unblock(u.id()), u.login());
    }

    public void delete(UserDto u) {
        Feedback.run("user.deleted", () -> users.delete(u.id()), u.login());
    }

    public void bulkBlock() {
        Bulk.apply(selected, "action.block", u -> users.block(u.id()));
    }

    public void bulkUnblock() {
        Bulk.apply(selected, "action.unblock", u -> users.unblock(u.id()));
    }

    public void bulkDelete() {
        Bulk.apply(selected, "action.delete", u -> users.delete(u.id()));
        selected.clear();
    }

    public ServiceLazyModel<UserDto> getModel() {
        return model;
    }

    public List<UserDto> getSelected() {
        return selected;
    }

    public void setSelected(List<UserDto> s) {
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

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
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
