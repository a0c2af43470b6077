package io.vigil.policy.computer;

import io.vigil.console.rest.EntityTags;
import io.vigil.console.rest.Versioned;
import io.vigil.policy.policy.Versions;
import io.smallrye.mutiny.Uni;
import io.vigil.console.ProblemException;
import io.vigil.policy.audit.Auditor;
import io.vigil.policy.policy.PolicyStore;
import io.vigil.policy.policy.SettingsColumn;
import io.vigil.policy.publish.ReconcileJob;
import io.vigil.policy.publish.Relay;
import io.vigil.policy.resolution.EffectiveSettings;
import io.vigil.policy.resolution.SettingsResolver;
import io.vigil.policy.setting.SettingName;
import io.vigil.policy.setting.SettingUpdates;
import io.vigil.policy.tree.PolicyTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Settings of one computer: effective values with their sources, and the computer's own overrides. */
@ApplicationScoped
public class ComputerSettingsService {

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    PolicyStore store;
    @Inject
    Auditor auditor;
    @Inject
    Relay relay;

    /** Every effective setting, with the version of the computer's own settings. */
    public Uni<Versioned<Map<String, ComputerSettingView>>> effective(long computerId) {
        return sessions.withSession(session -> find(session, computerId, LockMode.NONE)
                .chain(computer -> store.tree(session).map(tree -> new Versioned<>(view(resolve(tree, computer)),
                        version(computer)))));
    }

    /** Sets a computer-level value; {@code ifMatch} (null: unconditional) must name the current version. */
    public Uni<Versioned<ComputerSettingView>> set(long computerId, SettingName name, String value, String actor,
                                                   String ifMatch) {
        Map<String, String> change = new HashMap<>();
        change.put(name.apiName(), value);
        return change(computerId, change, actor, ifMatch)
                .map(settings -> settings.with(settings.body().get(name.apiName())));
    }

    private Uni<Versioned<Map<String, ComputerSettingView>>> change(long computerId, Map<String, String> change,
                                                                    String actor, String ifMatch) {
        return sessions.withTransaction(session -> find(session, computerId, LockMode.PESSIMISTIC_WRITE)
                .chain(computer -> store.tree(session).chain(tree -> {
                    EntityTags.require(ifMatch, version(computer));
                    Map<String, String> before = new TreeMap<>(computer.settings);
                    computer.settings = SettingUpdates.apply(computer.settings, change, (setting, normalised) ->
                            SettingsResolver.checkComputerOverride(computer.computerType, setting, normalised));
                    String id = Long.toString(computerId);
                    return session.persist(ReconcileJob.computer(computerId))
                            .chain(() -> auditor.record(session, actor, "computer.settings.updated", "computer",
                                    id, id, id, before, new TreeMap<>(computer.settings)))
                            .replaceWith(new Versioned<>(view(resolve(tree, computer)), version(computer)));
                }))).invoke(relay::kick);
    }

    /** Resets a computer-level value; {@code ifMatch} (null: unconditional) must name the current version. */
    public Uni<Versioned<ComputerSettingView>> reset(long computerId, SettingName name, String actor,
                                                     String ifMatch) {
        Map<String, String> change = new HashMap<>();
        change.put(name.apiName(), null);
        return change(computerId, change, actor, ifMatch)
                .map(settings -> settings.with(settings.body().get(name.apiName())));
    }

    private static String version(ComputerEntity computer) {
        return Versions.computer(computer.id, computer.policyId, computer.computerType, computer.settings);
    }

    private static Uni<ComputerEntity> find(Mutiny.Session session, long computerId, LockMode lock) {
        return session.find(ComputerEntity.class, computerId, lock).map(computer -> {
            if (computer == null || computer.removed) {
                throw ProblemException.notFound("computer", computerId);
            }
            return computer;
        });
    }

    static EffectiveSettings resolve(PolicyTree tree, ComputerEntity computer) {
        long policyId = tree.contains(computer.policyId) ? computer.policyId : PolicyTree.BASE_POLICY_ID;
        return SettingsResolver.resolveComputer(tree.chain(policyId), SettingsColumn.typed(computer.settings),
                computer.computerType);
    }

    private static Map<String, ComputerSettingView> view(EffectiveSettings settings) {
        Map<String, ComputerSettingView> view = new LinkedHashMap<>();
        for (SettingName name : SettingName.values()) {
            view.put(name.apiName(), ComputerSettingView.of(settings.get(name)));
        }
        return view;
    }
}
