package org.qvd.wat.account.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.qvd.vmas.account.boundary.UserDto;
import org.qvd.vmas.account.boundary.UserRequests.NewUser;
import org.qvd.vmas.account.boundary.UserRequests.UserFilter;
import org.qvd.vmas.account.boundary.UserRequests.UserUpdate;
import org.qvd.vmas.account.boundary.UserService;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;

/** The user list: lazy, create/edit dialog (password on create or change), block/unblock/delete, bulk. */
@Named
@ViewScoped
public class UserList extends AccountList<UserDto> {

    private static final long serialVersionUID = 1L;

    @Inject
    UserService users;

    public UserList() {
        super("user", "login");
    }

    public void newUser() {
        clear();
    }

    @Override
    Page<UserDto> list(Long tenantId, String login, Boolean blocked, PageRequest page) {
        return users.list(new UserFilter(tenantId, login, blocked), page);
    }

    @Override
    void create(Long tenantId, String login, String password, String description) {
        users.create(new NewUser(tenantId, login, password, description));
    }

    @Override
    void update(Long id, String description) {
        users.update(id, new UserUpdate(description));
    }

    @Override
    void changePassword(Long id, String password) {
        users.changePassword(id, password);
    }

    @Override
    protected Calls calls() {
        return new Calls(users::block, users::unblock, users::delete);
    }

    /** The dialog's login: the name {@link AccountList} keeps, under the property users.xhtml binds. */
    public String getLogin() {
        return getName();
    }

    public void setLogin(String login) {
        setName(login);
    }
}
