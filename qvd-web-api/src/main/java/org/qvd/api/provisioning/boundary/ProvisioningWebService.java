package org.qvd.api.provisioning.boundary;

import jakarta.ejb.EJB;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.api.platform.Problem;
import org.qvd.api.platform.Problems;
import org.qvd.api.provisioning.boundary.ProvisioningTypes.User;
import org.qvd.api.provisioning.boundary.ProvisioningTypes.Vm;
import org.qvd.vmas.account.boundary.UserRequests.NewUser;
import org.qvd.vmas.account.boundary.UserRequests.UserFilter;
import org.qvd.vmas.account.boundary.UserService;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.vmas.vm.boundary.VmRequests.NewVm;
import org.qvd.vmas.vm.boundary.VmRequests.VmFilter;
import org.qvd.vmas.vm.boundary.VmService;

/**
 * User and VM provisioning over SOAP, at {@code /api/soap/provisioning} (WSDL: {@code ?wsdl}).
 * Same services as REST, so the same ACL checks and audit entries; refusals are {@code QvdFault}s
 * carrying the stable error code. Mandatory parameters are {@code required} in the schema so that generated
 * clients (wsdl2java, SoapUI) show them as such; a missing one still reaches the service and is refused there
 * with {@code validation.failed}, as over REST.
 */
@WebService(
        name = "Provisioning",
        serviceName = "ProvisioningService",
        portName = "ProvisioningPort",
        targetNamespace = ProvisioningWebService.NS)
public class ProvisioningWebService {

    public static final String NS = "urn:qvd:provisioning:1";
    private static final Logger LOG = Logger.getLogger(ProvisioningWebService.class.getName());

    @EJB
    UserService users;

    @EJB
    VmService vms;

    @WebMethod
    @WebResult(name = "user")
    public User createUser(
            @WebParam(name = "tenantId") Long tenantId,
            @WebParam(name = "login") @XmlElement(required = true) String login,
            @WebParam(name = "password") @XmlElement(required = true) String password,
            @WebParam(name = "description") String description)
            throws ProvisioningFault {
        return call(() -> User.of(users.create(new NewUser(tenantId, login, password, description))));
    }

    @WebMethod
    public void deleteUser(@WebParam(name = "userId") @XmlElement(required = true) Long userId)
            throws ProvisioningFault {
        call(() -> {
            users.delete(userId);
            return null;
        });
    }

    @WebMethod
    @WebResult(name = "user")
    public List<User> listUsers(@WebParam(name = "tenantId") Long tenantId, @WebParam(name = "login") String login)
            throws ProvisioningFault {
        return call(() ->
                users
                        .list(new UserFilter(tenantId, login, null), PageRequest.first(PageRequest.MAX_SIZE))
                        .items()
                        .stream()
                        .map(User::of)
                        .toList());
    }

    @WebMethod
    @WebResult(name = "vm")
    public Vm createVm(
            @WebParam(name = "userId") @XmlElement(required = true) Long userId,
            @WebParam(name = "osfId") @XmlElement(required = true) Long osfId,
            @WebParam(name = "name") @XmlElement(required = true) String name,
            @WebParam(name = "diTag") String diTag)
            throws ProvisioningFault {
        return call(() -> Vm.of(vms.create(new NewVm(userId, osfId, name, diTag, null, null))));
    }

    @WebMethod
    public void deleteVm(@WebParam(name = "vmId") @XmlElement(required = true) Long vmId) throws ProvisioningFault {
        call(() -> {
            vms.delete(vmId, false); // the home disk stays: a purge is REST, CLI or WAT
            return null;
        });
    }

    @WebMethod
    @WebResult(name = "vm")
    public Vm startVm(@WebParam(name = "vmId") @XmlElement(required = true) Long vmId) throws ProvisioningFault {
        return call(() -> Vm.of(vms.start(vmId)));
    }

    @WebMethod
    @WebResult(name = "vm")
    public Vm stopVm(@WebParam(name = "vmId") @XmlElement(required = true) Long vmId) throws ProvisioningFault {
        return call(() -> Vm.of(vms.stop(vmId)));
    }

    @WebMethod
    @WebResult(name = "vm")
    public List<Vm> listVms(@WebParam(name = "userId") Long userId, @WebParam(name = "name") String name)
            throws ProvisioningFault {
        return call(() -> vms
                .list(new VmFilter(null, userId, null, null, name, null, null), PageRequest.first(PageRequest.MAX_SIZE))
                .items()
                .stream()
                .map(Vm::of)
                .toList());
    }

    /**
     * Runs a call; a refusal becomes the declared {@code QvdFault} with faultcode {@code soap:Client} for the
     * caller's errors (4xx) and {@code soap:Server} for ours, which alone are logged (with their error id).
     */
    private static <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            Problem p = Problems.fromService(e, "/api/soap/provisioning");
            if (p.status() >= 500) {
                LOG.log(Level.SEVERE, "SOAP error " + p.errorId(), e);
            } else {
                LOG.log(Level.FINE, "SOAP refusal {0}", p.code());
            }
            throw ProvisioningFault.soapFault(p);
        }
    }
}
