package io.vigil.gateway.state;

import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.events.config.PolicyConfiguration;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this gateway replica knows about computers, from the compacted topics it reads in full
 * ({@code vigil.internal.computers}, {@code vigil.internal.computer-config}, {@code vigil.internal.policy-config}) and
 * from the certificates it issued itself. Answers the revocation question and the expected configuration.
 */
public final class ComputerDirectory {

    private final Map<Long, ComputerRegistration> registrations = new ConcurrentHashMap<>();
    private final Map<Long, ComputerConfiguration> computerConfigs = new ConcurrentHashMap<>();
    private final Map<Long, PolicyConfiguration> policyConfigs = new ConcurrentHashMap<>();
    private final Map<Long, Issued> issued = new ConcurrentHashMap<>();

    /**
     * A certificate this replica issued before the registry's record of it arrived; for an activation also the policy
     * and computer type the registry answered, so that the computer's first heartbeats are answered with its policy's
     * configuration, not the defaults.
     */
    private record Issued(String serial, Instant at, Long policyID, String computerType) {
    }

    public void registration(long computerID, ComputerRegistration registration) {
        if (registration == null) {
            registrations.remove(computerID);
            return;
        }
        registrations.put(computerID, registration);
        Issued local = issued.get(computerID);
        if (local != null && (local.serial().equalsIgnoreCase(registration.certificateSerial())
                || registration.changedAt() != null && registration.changedAt().isAfter(local.at()))) {
            issued.remove(computerID, local); // the registry's record now decides
        }
    }

    public void computerConfiguration(long computerID, ComputerConfiguration configuration) {
        if (configuration == null) {
            computerConfigs.remove(computerID);
        } else {
            computerConfigs.put(computerID, configuration.withoutSources()); // the gateway never shows them
        }
    }

    public void policyConfiguration(long policyID, PolicyConfiguration configuration) {
        if (configuration == null) {
            policyConfigs.remove(policyID);
        } else {
            policyConfigs.put(policyID, configuration);
        }
    }

    /** Records a certificate this replica just issued, so it is accepted before the registry's event arrives. */
    public void issued(long computerID, String serialHex, Instant at) {
        issued.compute(computerID, (id, earlier) -> new Issued(serialHex, at,
                earlier == null ? null : earlier.policyID(), earlier == null ? null : earlier.computerType()));
    }

    /**
     * Records an activation this replica just answered: its certificate (as {@link #issued}) and the computer's policy
     * and type, which decide its expected configuration until the registry's record arrives.
     */
    public void activated(long computerID, String serialHex, Instant at, long policyID, String computerType) {
        issued.put(computerID, new Issued(serialHex, at, policyID, computerType));
    }

    public Optional<ComputerRegistration> registration(long computerID) {
        return Optional.ofNullable(registrations.get(computerID));
    }

    /**
     * Whether a certificate with this serial may act for the computer: refused when the computer is deactivated or
     * another serial is its current one; allowed for computers this replica has not heard of (yet).
     */
    public Access access(long computerID, String serialHex) {
        Issued local = issued.get(computerID);
        if (local != null && local.serial().equalsIgnoreCase(serialHex)) {
            return Access.ALLOWED;
        }
        ComputerRegistration registration = registrations.get(computerID);
        if (registration == null) {
            return Access.ALLOWED;
        }
        if (registration.deactivated()) {
            return Access.refused("computer " + computerID + " is deactivated");
        }
        if (registration.certificateSerial() != null && !registration.certificateSerial().equalsIgnoreCase(serialHex)) {
            return Access.refused("certificate " + serialHex + " of computer " + computerID + " was superseded");
        }
        return Access.ALLOWED;
    }

    /**
     * The configuration the computer should run: its own record, else its policy's (from the registry's record, or
     * from the activation this replica answered while that record is on its way), else the contract defaults; an
     * appliance's always Bidirectional ({@link ApplianceRule}).
     */
    public ExpectedConfiguration expected(long computerID) {
        ComputerRegistration registration = registrations.get(computerID);
        Issued local = registration == null ? issued.get(computerID) : null;
        String computerType = registration != null ? registration.computerType()
                : local == null ? null : local.computerType();
        ComputerConfiguration own = computerConfigs.get(computerID);
        if (own != null && own.configuration() != null) {
            return ApplianceRule.apply(fromRecord(own), computerType);
        }
        if (registration != null) {
            return ApplianceRule.apply(forPolicy(registration.policyID()), computerType);
        }
        return local == null || local.policyID() == null ? ExpectedConfiguration.DEFAULTS
                : ApplianceRule.apply(forPolicy(local.policyID()), computerType);
    }

    /**
     * For an activation: the computer's own record if policy-service already has one, else the policy's; an
     * appliance's always Bidirectional.
     */
    public ExpectedConfiguration forActivation(long computerID, long policyID, String computerType) {
        ComputerConfiguration own = computerConfigs.get(computerID);
        return ApplianceRule.apply(own != null && own.configuration() != null ? fromRecord(own) : forPolicy(policyID),
                computerType);
    }

    public ExpectedConfiguration forPolicy(long policyID) {
        PolicyConfiguration policy = policyConfigs.get(policyID);
        if (policy == null || policy.configuration() == null) {
            return ExpectedConfiguration.DEFAULTS;
        }
        String fingerprint = policy.configFingerprint() != null ? policy.configFingerprint()
                : ConfigFingerprint.of(policy.configuration());
        return new ExpectedConfiguration(policy.configuration(), fingerprint, "policy");
    }

    private static ExpectedConfiguration fromRecord(ComputerConfiguration own) {
        String fingerprint = own.configFingerprint() != null ? own.configFingerprint()
                : ConfigFingerprint.of(own.configuration());
        return new ExpectedConfiguration(own.configuration(), fingerprint, "computer");
    }
}
