package org.qvd.wat.directory.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.qvd.vmas.directory.boundary.DirectoryDto;
import org.qvd.vmas.directory.boundary.DirectoryProbeDto;
import org.qvd.vmas.directory.boundary.DirectoryRequests.DirectoryInput;
import org.qvd.vmas.directory.boundary.DirectoryService;
import org.qvd.vmas.directory.boundary.DirectoryUserDto;
import org.qvd.wat.platform.Feedback;

/**
 * Tenants' directories: connect one (the settings checked by the VMAS as for REST), change it (an empty bind secret
 * keeps the stored one, which is never shown), test a login against it (probe), see its users and why the directory
 * last refused them, delete it. ACLs directory.see / directory.update.
 */
@Named
@ViewScoped
public class DirectoryList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DirectoryService directories;

    private List<DirectoryDto> rows;
    private Form form = new Form();
    private Long probeId;
    private String probeLogin;
    private DirectoryProbeDto probe;
    private List<DirectoryUserDto> users = List.of();

    /** The dialog's fields (JSF binds to them; the bind secret is write-only). */
    public static class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        public Long id;
        public Long tenantId;
        public String url;
        public boolean startTls;
        public String caPem;
        public String bindDn;
        public String bindSecret;
        public String userBaseDn;
        public String userFilter;
        public String groupBaseDn;
        public String groupFilter;
        public String requiredGroup;
        public boolean localUsers = true;
        public Long provisionOsfId;
        public int cacheSeconds = 30;
        public boolean enabled = true;
        public boolean bindSecretSet;
        public Map<String, Long> groupOsfs = Map.of();

        DirectoryInput input() {
            return new DirectoryInput(
                    tenantId,
                    url,
                    startTls,
                    blank(caPem),
                    blank(bindDn),
                    id != null && (bindSecret == null || bindSecret.isEmpty()) ? null : bindSecret,
                    userBaseDn,
                    blank(userFilter),
                    blank(groupBaseDn),
                    groupFilter,
                    blank(requiredGroup),
                    localUsers,
                    provisionOsfId,
                    null,
                    cacheSeconds,
                    enabled,
                    groupOsfs);
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    public List<DirectoryDto> getRows() {
        if (rows == null) {
            rows = List.of();
            quietly(() -> rows = directories.list(null));
        }
        return rows;
    }

    public void newDirectory() {
        form = new Form();
    }

    public void edit(DirectoryDto d) {
        Form f = new Form();
        f.id = d.id();
        f.tenantId = d.tenantId();
        f.url = d.url();
        f.startTls = d.startTls();
        f.caPem = d.caPem();
        f.bindDn = d.bindDn();
        f.bindSecretSet = d.bindSecretSet();
        f.userBaseDn = d.userBaseDn();
        f.userFilter = d.userFilter();
        f.groupBaseDn = d.groupBaseDn();
        f.groupFilter = d.groupFilter();
        f.requiredGroup = d.requiredGroup();
        f.localUsers = d.localUsers();
        f.provisionOsfId = d.provisionOsfId();
        f.cacheSeconds = d.cacheSeconds();
        f.enabled = d.enabled();
        f.groupOsfs = d.groupOsfs();
        form = f;
    }

    public void save() {
        String what = form.url;
        if (form.id == null) {
            Feedback.run("directory.created", () -> directories.create(form.input()), what);
        } else {
            Long id = form.id;
            Feedback.run("directory.saved", () -> directories.update(id, form.input()), what);
        }
        rows = null;
    }

    public void delete(DirectoryDto d) {
        Feedback.run("directory.deleted", () -> directories.delete(d.id()), d.url());
        rows = null;
    }

    public void startProbe(DirectoryDto d) {
        probeId = d.id();
        probeLogin = null;
        probe = null;
    }

    public void runProbe() {
        quietly(() -> probe = directories.probe(probeId, probeLogin));
    }

    public void showUsers(DirectoryDto d) {
        users = List.of();
        quietly(() -> users = directories.users(d.id()));
    }

    /** A read: no success message, the service's refusal (e.g. a missing ACL) shown as usual. */
    private static void quietly(Feedback.Action action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
    }

    public Form getForm() {
        return form;
    }

    public String getProbeLogin() {
        return probeLogin;
    }

    public void setProbeLogin(String probeLogin) {
        this.probeLogin = probeLogin;
    }

    public DirectoryProbeDto getProbe() {
        return probe;
    }

    public List<DirectoryUserDto> getUsers() {
        return users;
    }
}
