package io.vigil.gateway.guard;

import io.vigil.gateway.ca.Pem;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.security.KeyPair;

/**
 * The largest activation request the gateway's rules accept: a real, correctly signed CSR of exactly the allowed
 * number of characters (padded inside with a long subject alternative name, then with trailing line breaks), and
 * every other member at its longest, the free-text ones written entirely as {@code \\uXXXX} escapes.
 */
final class LargestCsr {

    /** The csr member's limit (ActivationRequests, docs/agent-protocol.md). */
    static final int MAX_CHARACTERS = 16_384;

    private LargestCsr() {
    }

    /** A valid CSR of exactly {@code characters} characters. */
    static String of(KeyPair keys, int characters) throws Exception {
        int low = 0;
        int high = characters;
        String best = null;
        while (low <= high) { // the longest name whose PEM still fits
            int mid = (low + high) >>> 1;
            String pem = csr(keys, mid);
            if (pem.length() <= characters) {
                best = pem;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return best + "\n".repeat(characters - best.length());
    }

    private static String csr(KeyPair keys, int nameLength) throws Exception {
        var builder = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=test-agent"), keys.getPublic());
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.dNSName, "a".repeat(nameLength)));
        builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
                new Extensions(new Extension(Extension.subjectAlternativeName, false, names.getEncoded())));
        return Pem.encode(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    /** An activation body with {@code token} and {@code csr}, every other member at its longest. */
    static String activationBody(String token, String csr) {
        String hostName = "h" + "o".repeat(252) + "t";
        return "{\"token\":\"" + token + "\",\"hostName\":\"" + hostName + "\",\"platform\":\""
                + escaped("Linux ", 128) + "\",\"agentVersion\":\"" + escaped("20.0.1-", 64)
                + "\",\"agentRelease\":\"" + escaped("20 ", 64) + "\",\"computerType\":\"virtual-machine\","
                + "\"listeningPort\":65535,\"agentAddress\":\"" + hostName + "\",\"csr\":\""
                + csr.replace("\n", "\\n") + "\"}";
    }

    /** {@code length} characters starting with {@code prefix}, every one written as a JSON {@code \\u} escape. */
    private static String escaped(String prefix, int length) {
        StringBuilder text = new StringBuilder();
        String plain = prefix + "é".repeat(length - prefix.length());
        plain.chars().forEach(c -> text.append(String.format("\\u%04x", c)));
        return text.toString();
    }
}
