package io.vigil.kafka;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaProblemTest {

    private static KafkaProblem of(Throwable t) {
        return KafkaProblem.of(t, "User:svc", java.util.Map.of("bootstrap.servers", "kafka:9093"));
    }

    @Test
    void environmentVariableOfASetting() {
        assertThat(KafkaProblem.environmentVariable("kafka.sasl.jaas.config")).isEqualTo("KAFKA_SASL_JAAS_CONFIG");
        assertThat(KafkaProblem.environmentVariable("kafka.ssl.truststore.location"))
                .isEqualTo("KAFKA_SSL_TRUSTSTORE_LOCATION");
    }

    @Test
    void wrongCredentialsNameTheJaasSetting() {
        KafkaProblem p = of(new ExecutionException(new SaslAuthenticationException("Authentication failed")));
        assertThat(p.kind()).isEqualTo(KafkaProblem.Kind.AUTHENTICATION);
        assertThat(p.setting()).isEqualTo("kafka.sasl.jaas.config");
        assertThat(p.message()).contains("KAFKA_SASL_JAAS_CONFIG");
    }

    @Test
    void anUnknownMechanismNamesTheMechanism() {
        assertThat(of(new UnsupportedSaslMechanismException("PLAIN")).setting()).isEqualTo("kafka.sasl.mechanism");
    }

    @Test
    void aFailedHandshakeNamesTheTrustStore() {
        KafkaProblem p = of(new SslAuthenticationException("SSL handshake failed",
                new javax.net.ssl.SSLHandshakeException("PKIX path building failed")));
        assertThat(p.kind()).isEqualTo(KafkaProblem.Kind.TLS);
        assertThat(p.setting()).isEqualTo("kafka.ssl.truststore.location");
        assertThat(p.message()).contains("PKIX path building failed", "kafka.ssl.keystore.location");
    }

    @Test
    void aclRefusalsNameThePrincipalAndTheResource() {
        KafkaProblem topic = of(new TopicAuthorizationException(Set.of("vigil.heartbeats")));
        assertThat(topic.kind()).isEqualTo(KafkaProblem.Kind.AUTHORIZATION);
        assertThat(topic.setting()).isNull();
        assertThat(topic.message()).contains("User:svc", "vigil.heartbeats");
        KafkaProblem group = of(new GroupAuthorizationException("no", "vigil-alert-service"));
        assertThat(group.message()).contains("User:svc", "vigil-alert-service");
    }

    @Test
    void aTimeoutNamesTheBootstrapServers() {
        KafkaProblem p = of(new TimeoutException("Timed out waiting for a node assignment"));
        assertThat(p.kind()).isEqualTo(KafkaProblem.Kind.UNREACHABLE);
        assertThat(p.setting()).isEqualTo("kafka.bootstrap.servers");
        assertThat(p.message()).contains("kafka:9093", "kafka.security.protocol");
    }

    @Test
    void clientConstructionFailuresNameTheStoreTheyMention() {
        assertThat(of(new KafkaException("Failed to construct kafka producer",
                new KafkaException("Failed to load SSL keystore /x.p12 of type PKCS12"))).setting())
                .isEqualTo("kafka.ssl.keystore.location");
        assertThat(of(new ConfigException("Invalid value for sasl.jaas.config")).setting())
                .isEqualTo("kafka.sasl.jaas.config");
        KafkaProblem trustStore = KafkaProblem.of(new KafkaException("Failed to create new KafkaAdminClient",
                new KafkaException("Failed to load PEM SSL keystore /etc/ca/ca.pem")), "User:svc",
                java.util.Map.of("ssl.truststore.location", "/etc/ca/ca.pem"));
        assertThat(trustStore.setting()).isEqualTo("kafka.ssl.truststore.location");
        assertThat(of(new IllegalStateException("something else")).kind())
                .isEqualTo(KafkaProblem.Kind.CONFIGURATION);
    }

    @Test
    void onlyCredentialAclAndConfigurationFailuresArePermanent() {
        assertThat(KafkaProblem.permanent(new KafkaException(new SaslAuthenticationException("x")))).isTrue();
        assertThat(KafkaProblem.permanent(new TopicAuthorizationException(Set.of("t")))).isTrue();
        assertThat(KafkaProblem.permanent(new SslAuthenticationException("x"))).isTrue();
        assertThat(KafkaProblem.permanent(new TimeoutException("x"))).isFalse();
        assertThat(KafkaProblem.permanent(new IllegalStateException("x"))).isFalse();
    }
}
