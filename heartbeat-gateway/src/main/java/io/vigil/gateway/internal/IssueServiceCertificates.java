package io.vigil.gateway.internal;

import io.vigil.gateway.ca.CaDirectory;
import io.vigil.tls.service.ServiceIdentity;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code issue-service-cert <ca-dir> <out-dir> <service>...}: writes the certificate and key of each service into
 * {@code out-dir} (see {@link ServiceCertificates#write}); used by {@code ./vigil up} and the chart's CA Job.
 */
public final class IssueServiceCertificates {

    public static final String COMMAND = "issue-service-cert";

    private IssueServiceCertificates() {
    }

    /** @param args the command's arguments after its name */
    public static void run(String... args) {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: " + COMMAND + " <ca-dir> <out-dir> <service>...");
        }
        List<String> services = Arrays.asList(args).subList(2, args.length);
        services.forEach(ServiceIdentity::requireName);
        ServiceCertificates issuer = new ServiceCertificates(new CaDirectory(Path.of(args[0])).load());
        Path out = Path.of(args[1]);
        for (String service : services) {
            boolean written = issuer.write(out, service);
            System.out.println((written ? "issued " : "kept ") + ServiceIdentity.uri(service) + " in "
                    + out.resolve(service + ".crt").toAbsolutePath());
        }
    }
}
