package org.qvd.wat.vm.boundary;

import org.qvd.vmas.vm.boundary.VmDto;

/** The create/edit dialog's fields; id null = a new VM. */
public class VmForm extends ExpiryFields {

    private static final long serialVersionUID = 1L;

    private Long id;
    private String user;
    private Long osfId;
    private String name;
    private String diTag;
    private String ip;
    private String description;

    void clear() {
        id = null;
        user = null;
        osfId = null;
        name = null;
        diTag = "default";
        ip = null;
        description = null;
        clearExpiries();
    }

    void fill(VmDto vm) {
        id = vm.id();
        user = vm.userLogin();
        osfId = vm.osfId();
        name = vm.name();
        diTag = vm.diTag();
        ip = vm.ip();
        description = vm.description();
        showExpiries(vm);
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
}
