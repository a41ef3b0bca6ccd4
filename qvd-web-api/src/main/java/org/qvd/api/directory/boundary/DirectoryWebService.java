package org.qvd.api.directory.boundary;

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
import org.qvd.api.provisioning.boundary.ProvisioningFault;
import org.qvd.vmas.directory.boundary.DirectoryService;

/**
 * Tenants' directories (LDAP / Active Directory) over SOAP, at {@code /api/soap/directories} ({@code ?wsdl}): the same
 * service as REST and the CLI, so the same checks, ACLs ({@code directory.see}/{@code directory.update}) and audit;
 * the bind secret is never sent back. Refusals are {@code QvdFault}s with the stable error code.
 */
@WebService(
        name = "Directories",
        serviceName = "DirectoryService",
        portName = "DirectoryPort",
        targetNamespace = DirectoryWebService.NS)
public class DirectoryWebService {

    public static final String NS = "urn:qvd:directories:1";
    private static final Logger LOG = Logger.getLogger(DirectoryWebService.class.getName());

    @EJB
    DirectoryService directories;

    @WebMethod
    @WebResult(name = "directory")
    public List<DirectorySoapTypes.Directory> listDirectories(@WebParam(name = "tenantId") Long tenantId)
            throws ProvisioningFault {
        return call(() -> directories.list(tenantId).stream()
                .map(DirectorySoapTypes.Directory::of)
                .toList());
    }

    @WebMethod
    @WebResult(name = "directory")
    public DirectorySoapTypes.Directory getDirectory(
            @WebParam(name = "directoryId") @XmlElement(required = true) Long directoryId) throws ProvisioningFault {
        return call(() -> DirectorySoapTypes.Directory.of(directories.get(directoryId)));
    }

    @WebMethod
    @WebResult(name = "directory")
    public DirectorySoapTypes.Directory createDirectory(
            @WebParam(name = "settings") @XmlElement(required = true) DirectorySoapTypes.Settings settings)
            throws ProvisioningFault {
        return call(
                () -> DirectorySoapTypes.Directory.of(directories.create(settings == null ? null : settings.input())));
    }

    @WebMethod
    @WebResult(name = "directory")
    public DirectorySoapTypes.Directory updateDirectory(
            @WebParam(name = "directoryId") @XmlElement(required = true) Long directoryId,
            @WebParam(name = "settings") @XmlElement(required = true) DirectorySoapTypes.Settings settings)
            throws ProvisioningFault {
        return call(() -> DirectorySoapTypes.Directory.of(
                directories.update(directoryId, settings == null ? null : settings.input())));
    }

    @WebMethod
    public void deleteDirectory(@WebParam(name = "directoryId") @XmlElement(required = true) Long directoryId)
            throws ProvisioningFault {
        call(() -> {
            directories.delete(directoryId);
            return null;
        });
    }

    @WebMethod
    @WebResult(name = "probe")
    public DirectorySoapTypes.Probe probeDirectory(
            @WebParam(name = "directoryId") @XmlElement(required = true) Long directoryId,
            @WebParam(name = "login") @XmlElement(required = true) String login)
            throws ProvisioningFault {
        return call(() -> DirectorySoapTypes.Probe.of(directories.probe(directoryId, login)));
    }

    @WebMethod
    @WebResult(name = "user")
    public List<DirectorySoapTypes.User> listDirectoryUsers(
            @WebParam(name = "directoryId") @XmlElement(required = true) Long directoryId) throws ProvisioningFault {
        return call(() -> directories.users(directoryId).stream()
                .map(DirectorySoapTypes.User::of)
                .toList());
    }

    /** As the provisioning service: a refusal is a QvdFault (Client for the caller's errors, Server for ours). */
    private static <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            Problem p = Problems.fromService(e, "/api/soap/directories");
            if (p.status() >= 500) {
                LOG.log(Level.SEVERE, "SOAP error " + p.errorId(), e);
            } else {
                LOG.log(Level.FINE, "SOAP refusal {0}", p.code());
            }
            throw ProvisioningFault.soapFault(p);
        }
    }
}
