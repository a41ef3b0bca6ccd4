package org.qvd.api.provisioning.boundary;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import org.qvd.vmas.account.boundary.UserDto;
import org.qvd.vmas.vm.boundary.VmDto;

/** The SOAP types: flat JAXB beans, so the WSDL stays simple for generated clients. */
public final class ProvisioningTypes {

    private ProvisioningTypes() {}

    /** A user. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "User", namespace = ProvisioningWebService.NS)
    public static class User {
        public long id;
        public long tenantId;
        public String tenantName;
        public String login;
        public String description;
        public boolean blocked;

        static User of(UserDto u) {
            User x = new User();
            x.id = u.id();
            x.tenantId = u.tenantId();
            x.tenantName = u.tenantName();
            x.login = u.login();
            x.description = u.description();
            x.blocked = u.blocked();
            return x;
        }
    }

    /** A VM with its state. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Vm", namespace = ProvisioningWebService.NS)
    public static class Vm {
        public long id;
        public long userId;
        public String userLogin;
        public long osfId;
        public String osfName;
        public String name;
        public String diTag;
        public String ip;
        public String state;
        public String userState;
        public boolean blocked;
        /** {@code vm} or {@code container}: what the VM's OSF runs its desktops as (issue 17). */
        public String kind;
        /** Why the VM's last start failed (absent when it did not, or a new start was requested since). */
        public String lastFailure;

        static Vm of(VmDto v) {
            Vm x = new Vm();
            x.id = v.id();
            x.userId = v.userId();
            x.userLogin = v.userLogin();
            x.osfId = v.osfId();
            x.osfName = v.osfName();
            x.name = v.name();
            x.diTag = v.diTag();
            x.ip = v.ip();
            x.state = v.state().wireName();
            x.userState = v.userState().wireName();
            x.blocked = v.blocked();
            x.kind = v.kind();
            x.lastFailure = v.lastFailure();
            return x;
        }
    }
}
