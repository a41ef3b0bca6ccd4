package org.qvd.provisioning.boundary;

import jakarta.xml.ws.WebFault;
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
