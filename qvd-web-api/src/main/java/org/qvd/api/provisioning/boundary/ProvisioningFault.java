package org.qvd.api.provisioning.boundary;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.soap.Detail;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.WebFault;
import jakarta.xml.ws.soap.SOAPFaultException;
import javax.xml.namespace.QName;
import org.qvd.api.platform.Problem;

/** A SOAP fault whose detail carries the same stable error code (and status) as the REST problem. */
@WebFault(name = "QvdFault", targetNamespace = ProvisioningWebService.NS)
public class ProvisioningFault extends Exception {

    private final FaultInfo info;

    public ProvisioningFault(String message, FaultInfo info) {
        super(message);
        this.info = info;
    }

    public FaultInfo getFaultInfo() {
        return info;
    }

    static ProvisioningFault of(Problem p) {
        FaultInfo info = new FaultInfo();
        info.code = p.code();
        info.status = p.status();
        info.detail = p.detail();
        info.errorId = p.errorId();
        return new ProvisioningFault(p.code() + ": " + p.detail(), info);
    }

    /**
     * The same fault as CXF would send for this exception (detail element {@code QvdFault}, so that generated
     * clients still raise their ProvisioningFault), but with the SOAP 1.1 faultcode telling whose error it is.
     */
    public static SOAPFaultException soapFault(Problem p) {
        try {
            SOAPFault fault = SOAPFactory.newInstance()
                    .createFault(
                            p.code() + ": " + p.detail(),
                            new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, p.status() < 500 ? "Client" : "Server"));
            Detail detail = fault.addDetail();
            JAXBContext.newInstance(FaultInfo.class)
                    .createMarshaller()
                    .marshal(
                            new JAXBElement<>(
                                    new QName(ProvisioningWebService.NS, "QvdFault"), FaultInfo.class, of(p).info),
                            detail);
            return new SOAPFaultException(fault);
        } catch (SOAPException | JAXBException e) {
            throw new IllegalStateException("cannot build a SOAP fault", e);
        }
    }

    /** The fault detail: code, HTTP-like status, message, error id for server errors. */
    @jakarta.xml.bind.annotation.XmlAccessorType(jakarta.xml.bind.annotation.XmlAccessType.FIELD)
    @jakarta.xml.bind.annotation.XmlType(name = "QvdFaultInfo", namespace = ProvisioningWebService.NS)
    public static class FaultInfo {
        public String code;
        public int status;
        public String detail;
        public String errorId;
    }
}
