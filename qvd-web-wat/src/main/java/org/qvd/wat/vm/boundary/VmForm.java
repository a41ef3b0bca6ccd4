package org.qvd.wat.vm.boundary;

import java.io.Serializable;
import java.time.LocalDateTime;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.wat.platform.Formats;

/** The create/edit dialog's fields; id null = a new VM. */
public class VmForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private String user;
    private Long osfId;
    private String name;
    private String diTag;
    private String ip;
    private String description;
    private LocalDateTime expirationSoft;
    private LocalDateTime expirationHard;

    void clear() {
        id = null;
        user = null;
        osfId = null;
        name = null;
        diTag = "default";
        ip = null;
        description = null;
        expirationSoft = null;
        expirationHard = null;
    }

    void fill(VmDto vm) {
        id = vm.id();
        user = vm.userLogin();
        osfId = vm.osfId();
        name = vm.name();
        diTag = vm.diTag();
        ip = vm.ip();
        description = vm.description();
        expirationSoft = Formats.local(vm.expirationSoft());
        expirationHard = Formats.local(vm.expirationHard());
    }

    public Long getId() {
        return id;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public Long getOsfId() {
        return osfId;
    }

    public void setOsfId(Long osfId) {
        this.osfId = osfId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDiTag() {
        return diTag;
    }

    public void setDiTag(String diTag) {
        this.diTag = diTag;
    }

    public String getIp() {
        return ip;
    }

    public void setIp(String ip) {
        this.ip = ip;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalDateTime getExpirationSoft() {
        return expirationSoft;
    }

    public void setExpirationSoft(LocalDateTime v) {
        this.expirationSoft = v;
    }

    public LocalDateTime getExpirationHard() {
        return expirationHard;
    }

    public void setExpirationHard(LocalDateTime v) {
        this.expirationHard = v;
    }
}
