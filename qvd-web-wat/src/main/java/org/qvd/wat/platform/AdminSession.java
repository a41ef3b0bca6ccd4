package org.qvd.wat.platform;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.qvd.vmas.account.boundary.AdministratorService;
import org.qvd.vmas.account.boundary.CallerDto;

/**
 * The logged-in administrator: who it is, its effective ACLs (to decide which menus, columns and
 * buttons exist; the services enforce the same ACLs) and its language.
 */
@Named
@SessionScoped
public class AdminSession implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    @Inject
    AdministratorService admins;

    private CallerDto me;
    private Locale locale;

    public CallerDto getMe() {
        if (me == null) {
            me = admins.me();
        }
        return me;
    }

    public String getPrincipal() {
        return getMe().name() + "@" + getMe().tenantName();
    }

    public boolean isSuperadmin() {
        return getMe().superadmin();
    }

    /** Whether the admin holds the ACL; used by pages only to decide what to show. */
    public boolean can(String acl) {
        return getMe().acls().contains(acl);
    }

    public Locale getLocale() {
        if (locale == null) {
            Locale requested =
                    FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
            locale = requested != null && "es".equals(requested.getLanguage()) ? LANGUAGES.get(1) : Locale.ENGLISH;
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** Switches the language and shows the same screen again. */
    public String useLanguage(String language) {
        locale = "es".equals(language) ? LANGUAGES.get(1) : Locale.ENGLISH;
        FacesContext ctx = FacesContext.getCurrentInstance();
        ctx.getViewRoot().setLocale(locale);
        return ctx.getViewRoot().getViewId() + "?faces-redirect=true";
    }

    /** Reloads the admin's ACLs (e.g. after its roles changed). */
    public void refresh() {
        me = null;
    }

    /**
     * Every page load (not its AJAX postbacks) reads the ACLs afresh, so a role changed by another
     * administrator shows in the menus and buttons at the next page without logging in again.
     */
    public void pageLoaded() {
        if (!FacesContext.getCurrentInstance().isPostback()) {
            refresh();
        }
    }

    public String logout() throws IOException {
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        try {
            ((HttpServletRequest) ctx.getRequest()).logout();
        } catch (ServletException e) {
            // the session is invalidated below anyway, which ends the login as well
        }
        ctx.invalidateSession();
        ctx.redirect(ctx.getRequestContextPath() + "/");
        return null;
    }
}
