package org.qvd.system.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.api.Api;
import org.qvd.testsupport.TrustAll;

/** Raw SOAP 1.1 calls to the provisioning service: the envelope as an attacker would write it. */
final class Soap {

    private Soap() {}

    /** Calls with {@code body} inside a well-formed envelope; answers the response XML. */
    static String call(QvdSystem system, String login, String password, String body) throws Exception {
        return post(
                system,
                login,
                password,
                "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                        + "xmlns:p=\"urn:qvd:provisioning:1\"><soap:Body>" + body + "</soap:Body></soap:Envelope>");
    }

    static String post(QvdSystem system, String login, String password, String xml) throws Exception {
        String auth = "Basic "
                + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return TrustAll.httpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(Api.root(system) + "/api/soap/provisioning"))
                                .header("Authorization", auth)
                                .header("Content-Type", "text/xml; charset=utf-8")
                                .POST(HttpRequest.BodyPublishers.ofString(xml))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
