package io.vigil.policy.publish;

import io.smallrye.mutiny.Uni;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.config.PolicyConfiguration;
import io.vigil.policy.audit.Auditor;
import io.vigil.policy.policy.PolicyEntity;
import io.vigil.policy.policy.PolicyStore;
import io.vigil.policy.resolution.EffectiveSettings;
import io.vigil.policy.resolution.SettingsResolver;
import io.vigil.policy.tree.PolicyNode;
import io.vigil.policy.tree.PolicyTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** Publishes every policy's effective settings on {@code vigil.internal.policy-config} where they changed. */
@ApplicationScoped
public class PolicyPublisher {

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    PolicyStore store;
    @Inject
    KafkaSender sender;
    @Inject
    PublishMetrics metrics;

    public Uni<Void> publishChanged(Executor resume) {
        Map<Long, String> digests = new LinkedHashMap<>();
        List<KafkaSender.Outgoing> records = new ArrayList<>();
        return sessions.withStatelessTransaction(session -> store.all(session)).chain(policies -> {
            PolicyTree tree = PolicyStore.toTree(policies);
            Derivation derivation = new Derivation();
            Instant now = Instant.now();
            for (PolicyEntity entity : policies) {
                PolicyNode node = entity.toNode();
                EffectiveSettings settings = SettingsResolver.resolvePolicy(tree.chain(node.id()));
                String digest = derivation.policyDigest(node, settings);
                if (!digest.equals(entity.publishedDigest)) {
                    PolicyConfiguration data = derivation.policy(node, settings, now);
                    records.add(KafkaSender.Outgoing.of(Topics.POLICY_CONFIG, Long.toString(node.id()),
                            EventJson.toBytes(CloudEvents.create(Auditor.SOURCE, EventTypes.POLICY_CONFIGURATION,
                                    null, data))));
                    digests.put(node.id(), digest);
                }
            }
            return sender.sendAll(records, resume);
        }).chain(() -> digests.isEmpty() ? Uni.createFrom().voidItem()
                : sessions.withStatelessTransaction(session -> saveDigests(session, digests)))
                .invoke(() -> metrics.policiesPublished(digests.size()));
    }

    private static Uni<Void> saveDigests(Mutiny.StatelessSession session, Map<Long, String> digests) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<Long, String> entry : digests.entrySet()) {
            chain = chain.chain(() -> session.createMutationQuery(
                            "update PolicyEntity p set p.publishedDigest = :d where p.id = :id")
                    .setParameter("d", entry.getValue()).setParameter("id", entry.getKey())
                    .executeUpdate().replaceWithVoid());
        }
        return chain;
    }
}
