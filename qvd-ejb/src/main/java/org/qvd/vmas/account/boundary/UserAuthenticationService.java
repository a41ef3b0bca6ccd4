package org.qvd.vmas.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.qvd.vmas.account.control.Login;
import org.qvd.vmas.account.control.PasswordCheck;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.directory.boundary.DirectoryLogins;
import org.qvd.vmas.platform.guard.SystemCall;
import org.qvd.vmas.vm.entity.Vm;

/**
 * For the L7R: checks a user's {@code login[@tenant]} and password ({@link PasswordCheck}, the one place a password
 * is checked), and lists the user's VMs. Not guarded by admin ACLs. Unknown logins cost the same hash check as known
 * ones.
 */
@Stateless
@SystemCall
public class UserAuthenticationService {

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    PasswordCheck passwords;

    @Inject
    DirectoryLogins directories;

    /**
     * @param login {@code login@tenant}, or a bare login for the default tenant; tenant '*' never matches
     * @return the user
     * @throws AuthenticationFailedException for an unknown login, a wrong password, or a blocked user or tenant
     */
    public UserDto authenticate(String login, String password) {
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
            passwords.verify(null, password); // as long as any other refusal
            throw new AuthenticationFailedException();
        }
        Login parsed = Login.parse(login.trim());
        List<AppUser> found = "*".equals(parsed.tenant())
                ? List.of()
                : em.createNamedQuery(AppUser.BY_LOGIN, AppUser.class)
                        .setParameter("login", parsed.name())
                        .setParameter("tenant", parsed.tenant())
                        .getResultList();
        AppUser existing = found.isEmpty() ? null : found.get(0);
        Optional<AppUser> fromDirectory = found.isEmpty() && "*".equals(parsed.tenant())
                ? Optional.empty()
                : directories.authenticate(parsed, existing, password);
        if (fromDirectory.isPresent()) {
            return UserDto.of(fromDirectory.get());
        }
        if (found.isEmpty()) {
            passwords.verify(null, password);
            throw new AuthenticationFailedException();
        }
        AppUser user = found.get(0);
        boolean ok = passwords.verify(
                new PasswordCheck.Account(PasswordCheck.Kind.USER, user.getId(), login, user.getPasswordHash()),
                password);
        if (!ok || !user.mayLogIn() || user.getTenant().getId() == Tenant.SUPERTENANT_ID) {
            throw new AuthenticationFailedException();
        }
        return UserDto.of(user);
    }

    /** The user's VMs for {@code list_of_vm}. */
    public List<UserVmDto> listVms(long userId) {
        return em.createNamedQuery(Vm.BY_USER, Vm.class).setParameter("userId", userId).getResultList().stream()
                .map(v -> new UserVmDto(
                        v.getId(), v.getName(), v.getRuntime().getState().wire(), v.isBlocked()))
                .toList();
    }
}
