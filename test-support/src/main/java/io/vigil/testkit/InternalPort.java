package io.vigil.testkit;

import io.restassured.RestAssured;
import io.restassured.config.SSLConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigil.tls.CertificateNames;
import io.vigil.tls.service.ServiceIdentity;
import io.vigil.tls.service.ServiceTls;
import org.apache.http.conn.ssl.SSLSocketFactory;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The internal port of the service under test ({@code quarkus.http.test-ssl-port}) for {@code @QuarkusTest}s: a test
 * CA with the service's own certificate and those of callers, and RestAssured requests presenting one of them.
 * Besides the named services, {@link #AGENT} ({@code urn:vigil:computer:7}) and {@link #MANAGER} are always issued.
 */
public final class InternalPort {

    public static final String AGENT = "computer-7";
    public static final String MANAGER = "manager";

    private final Path dir;
    private final String service;

    public InternalPort(Path dir, String service) {
        this.dir = dir;
        this.service = ServiceIdentity.requireName(service);
    }

    /**
     * Creates the CA and the certificates of {@code service} and {@code others}; returns the service's
     * {@code vigil.service-tls.*} configuration.
     */
    public Map<String, String> issue(String... others) {
        TestPki pki = TestPki.create(dir, "Vigil test platform CA");
        pki.issue(service, ServiceIdentity.uri(service));
        for (String other : others) {
            pki.issue(other, ServiceIdentity.uri(other));
        }
        pki.issue(AGENT, CertificateNames.computer(7));
        pki.issue(MANAGER, CertificateNames.MANAGER);
        Map<String, String> config = new HashMap<>();
        config.put("vigil.service-tls.certificate", dir.resolve(service + ".crt").toString());
        config.put("vigil.service-tls.key", dir.resolve(service + ".key").toString());
        config.put("vigil.service-tls.ca", dir.resolve("ca.crt").toString());
        return config;
    }

    /** The identity issued as {@code name} (a service name, {@link #AGENT} or {@link #MANAGER}). */
    public ServiceTls identity(String name) {
        return ServiceTls.load(dir.resolve(name + ".crt"), dir.resolve(name + ".key"), dir.resolve("ca.crt"));
    }

    /** A request to the internal port presenting {@code caller}'s certificate; the server must prove the service. */
    public RequestSpecification as(String caller) {
        SSLSocketFactory sockets = new SSLSocketFactory(identity(caller).clientContext(service),
                SSLSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER);
        return request().config(RestAssured.config().sslConfig(SSLConfig.sslConfig().sslSocketFactory(sockets)));
    }

    /** A request to the internal port without a client certificate. */
    public RequestSpecification anonymous() {
        return request().relaxedHTTPSValidation();
    }

    private static RequestSpecification request() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-ssl-port", Integer.class);
        return given().baseUri("https://127.0.0.1").port(port).contentType(ContentType.JSON);
    }
}
