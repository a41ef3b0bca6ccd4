package org.qvd.api.directory.boundary;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qvd.vmas.directory.boundary.DirectoryDto;
import org.qvd.vmas.directory.boundary.DirectoryProbeDto;
import org.qvd.vmas.directory.boundary.DirectoryRequests.DirectoryInput;
import org.qvd.vmas.directory.boundary.DirectoryUserDto;

/** The directories' SOAP types: flat JAXB beans (the settings as REST has them; the bind secret is never shown). */
public final class DirectorySoapTypes {

    private DirectorySoapTypes() {}

    /** A group → OSF pair of auto-provisioning. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "GroupOsf", namespace = DirectoryWebService.NS)
    public static class GroupOsf {
        public String group;
        public long osfId;
    }

    /** A directory's settings to create or replace one (an absent bindSecret keeps the stored one). */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "DirectorySettings", namespace = DirectoryWebService.NS)
    public static class Settings {
        public Long tenantId;
        public String url;
        public Boolean startTls;
        public String caPem;
        public String bindDn;
        public String bindSecret;
        public String userBaseDn;
        public String userFilter;
        public String groupBaseDn;
        public String groupFilter;
        public String requiredGroup;
        public Boolean localUsers;
        public Long provisionOsfId;
        public String provisionTag;
        public Integer cacheSeconds;
        public Boolean enabled;
        public List<GroupOsf> groupOsf = new ArrayList<>();

        DirectoryInput input() {
            Map<String, Long> osfs = new LinkedHashMap<>();
            groupOsf.forEach(g -> osfs.put(g.group, g.osfId));
            return new DirectoryInput(
                    tenantId,
                    url,
                    startTls,
                    caPem,
                    bindDn,
                    bindSecret,
                    userBaseDn,
                    userFilter,
                    groupBaseDn,
                    groupFilter,
                    requiredGroup,
                    localUsers,
                    provisionOsfId,
                    provisionTag,
                    cacheSeconds,
                    enabled,
                    osfs);
        }

        @Override
        public String toString() {
            return "Settings[tenantId=" + tenantId + ", url=" + url + "]"; // never the bind secret
        }
    }

    /** A directory as admins see it: bindSecretSet says whether a secret is stored. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Directory", namespace = DirectoryWebService.NS)
    public static class Directory {
        public long id;
        public long tenantId;
        public String tenantName;
        public String url;
        public boolean startTls;
        public String bindDn;
        public boolean bindSecretSet;
        public String userBaseDn;
        public String userFilter;
        public String groupBaseDn;
        public String groupFilter;
        public String requiredGroup;
        public boolean localUsers;
        public Long provisionOsfId;
        public String provisionTag;
        public int cacheSeconds;
        public boolean enabled;
        public List<GroupOsf> groupOsf = new ArrayList<>();

        static Directory of(DirectoryDto d) {
            Directory x = new Directory();
            x.id = d.id();
            x.tenantId = d.tenantId();
            x.tenantName = d.tenantName();
            x.url = d.url();
            x.startTls = d.startTls();
            x.bindDn = d.bindDn();
            x.bindSecretSet = d.bindSecretSet();
            x.userBaseDn = d.userBaseDn();
            x.userFilter = d.userFilter();
            x.groupBaseDn = d.groupBaseDn();
            x.groupFilter = d.groupFilter();
            x.requiredGroup = d.requiredGroup();
            x.localUsers = d.localUsers();
            x.provisionOsfId = d.provisionOsfId();
            x.provisionTag = d.provisionTag();
            x.cacheSeconds = d.cacheSeconds();
            x.enabled = d.enabled();
            d.groupOsfs().forEach((group, osf) -> {
                GroupOsf g = new GroupOsf();
                g.group = group;
                g.osfId = osf;
                x.groupOsf.add(g);
            });
            return x;
        }
    }

    /** What the directory says of a login now (no password): for connecting a directory. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "DirectoryProbe", namespace = DirectoryWebService.NS)
    public static class Probe {
        public boolean reachable;
        public boolean found;
        public String dn;
        public List<String> group = new ArrayList<>();
        public boolean admitted;
        public Long osfId;
        public String problem;

        static Probe of(DirectoryProbeDto p) {
            Probe x = new Probe();
            x.reachable = p.reachable();
            x.found = p.found();
            x.dn = p.dn();
            x.group.addAll(p.groups());
            x.admitted = p.admitted();
            x.osfId = p.osfId();
            x.problem = p.problem();
            return x;
        }
    }

    /** A user who came from the directory, with why it was last refused. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "DirectoryUser", namespace = DirectoryWebService.NS)
    public static class User {
        public long userId;
        public String login;
        public String dn;
        public String checkedAt;
        public String refusal;
        public String refusedAt;

        static User of(DirectoryUserDto u) {
            User x = new User();
            x.userId = u.userId();
            x.login = u.login();
            x.dn = u.dn();
            x.checkedAt = u.checkedAt() == null ? null : u.checkedAt().toString();
            x.refusal = u.refusal();
            x.refusedAt = u.refusedAt() == null ? null : u.refusedAt().toString();
            return x;
        }
    }
}
