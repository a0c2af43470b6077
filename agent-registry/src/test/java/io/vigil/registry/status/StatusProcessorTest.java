package io.vigil.registry.status;

import io.vigil.events.Topics;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.contact.ContactFailed;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.events.liveness.LivenessChanged;
import io.vigil.events.status.ComputerStatusChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StatusProcessorTest {

    static final long ID = 42;
    StatusProcessor processor;
    long offset;

    @BeforeEach
    void setUp() {
        processor = new StatusProcessor();
        processor.assign(3, List.of());
        offset = 0;
    }

    void apply(String topic, long ts, Input input) {
        processor.apply(new Position(topic, 3), offset++, ts, input);
    }

    void register(String state, String vm, long ts) {
        apply(Topics.COMPUTERS, ts, new Input.Registration(ID, new ComputerRegistration(ID, "web-01", "Linux", "20",
                null, "physical", 7, "10.0.0.1", 4118, vm, state, "01", null, Instant.ofEpochMilli(ts))));
    }

    void register(String state, int port, long ts) {
        apply(Topics.COMPUTERS, ts, new Input.Registration(ID, new ComputerRegistration(ID, "web-01", "Linux", "20",
                null, "physical", 7, "10.0.0.1", port, "running", state, "01", null, Instant.ofEpochMilli(ts))));
    }

    void heartbeat(long ts, String fp) {
        heartbeat(ts, fp, null);
    }

    void heartbeat(long ts, String fp, Integer listeningPort) {
        apply(Topics.HEARTBEATS, ts, new Input.Heartbeat(ID, ts, new HeartbeatReceived(ID, Instant.ofEpochMilli(ts),
                "t", "20.0.1", "Online", fp, Map.of("eventsDropped", 1L), "10.1.1.1", "TLSv1.2",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", null, listeningPort, null,
                List.of(new HeartbeatReceived.OperationResult(5, "UpdateConfiguration", "failed", "disk full")),
                false)));
    }

    void liveness(long ts, int missed, boolean offline, long basedOn) {
        apply(Topics.LIVENESS, ts, new Input.Liveness(ID, new LivenessChanged(ID, missed, offline,
                Instant.ofEpochMilli(basedOn), Instant.ofEpochMilli(ts))));
    }

    List<ComputerStatusChanged> transitions() {
        return processor.drain().transitions().stream().map(Transition::data).toList();
    }

    @Test
    void activationPublishesTheFirstStatusOnce() {
        register("activated", "running", 1000);
        register("activated", "running", 1001);
        assertThat(transitions()).singleElement().satisfies(t -> {
            assertThat(t.agentStatus()).isEqualTo("active");
            assertThat(t.previousStatus()).isNull();
            assertThat(t.hostName()).isEqualTo("web-01");
            assertThat(t.since()).isEqualTo(Instant.ofEpochMilli(1000));
        });
    }

    @Test
    void firstHeartbeatAndUpdatePendingAreNotTransitions() {
        register("activated", "running", 1000);
        processor.drain();
        heartbeat(2000, "sha256:a");
        apply(Topics.COMPUTER_CONFIG, 2100, new Input.Config(ID, new ComputerConfiguration(ID, 7, Map.of(), null,
                "sha256:b", 600, 2, null, false, Instant.now())));
        assertThat(transitions()).isEmpty();
        ComputerRuntime rt = processor.find(ID);
        assertThat(rt.derivedStatus().messages()).containsExactly("Managed (Online) - Update Pending");
        assertThat(rt.lastHeartbeatMs()).isEqualTo(2000);
        assertThat(rt.lastOperation).contains("\"status\":\"failed\"").contains("disk full");
        assertThat(rt.counters).contains("eventsDropped");
    }

    @Test
    void livenessMakesOfflineWithTheContactReasonAndBack() {
        register("activated", "running", 1000);
        heartbeat(2000, "sha256:a");
        processor.drain();
        liveness(3000, 1, false, 2000);
        assertThat(transitions()).isEmpty();
        assertThat(processor.find(ID).missedHeartbeats()).isEqualTo(1);
        apply(Topics.CONTACT_FAILURES, 3500, new Input.Contact(ID, new ContactFailed(ID, "heartbeat-request",
                "refused", "connection refused", Instant.ofEpochMilli(3500))));
        liveness(4000, 3, true, 2000);
        liveness(4500, 4, true, 2000);
        List<ComputerStatusChanged> offline = transitions();
        assertThat(offline).singleElement().satisfies(t -> {
            assertThat(t.agentStatus()).isEqualTo("offline");
            assertThat(t.previousStatus()).isEqualTo("active");
            assertThat(t.missedHeartbeats()).isEqualTo(3);
            assertThat(t.offlineReason()).isEqualTo("refused");
        });
        liveness(5000, 0, false, 4900);
        assertThat(transitions()).singleElement().satisfies(t -> {
            assertThat(t.agentStatus()).isEqualTo("active");
            assertThat(t.offlineReason()).isNull();
        });
    }

    void contact(long at, String reason) {
        apply(Topics.CONTACT_FAILURES, at, new Input.Contact(ID, new ContactFailed(ID, "heartbeat-request", reason,
                null, Instant.ofEpochMilli(at))));
    }

    @Test
    void aContactFailureReadAfterTheJudgementStillGivesTheUnpublishedOfflineTransitionItsReason() {
        register("activated", "running", 1000);
        heartbeat(2000, "a");
        processor.drain();
        // the judgement's partition was applied first, the earlier contact failure's after it, in the same flush
        liveness(4000, 3, true, 2000);
        contact(3500, "timeout");
        assertThat(transitions()).singleElement().satisfies(t -> {
            assertThat(t.agentStatus()).isEqualTo("offline");
            assertThat(t.offlineReason()).isEqualTo("timeout");
        });
    }

    @Test
    void aLateContactFailureTakesTheLatestReasonBeforeTheJudgementAndNoLaterOne() {
        register("activated", "running", 1000);
        heartbeat(2000, "a");
        contact(3000, "refused");
        processor.drain();
        liveness(4000, 3, true, 2000);
        contact(3500, "timeout");
        contact(3200, "tls-failure");
        contact(4200, "error");
        assertThat(transitions()).singleElement()
                .extracting(ComputerStatusChanged::offlineReason).isEqualTo("timeout");
        assertThat(processor.find(ID).offlineReason()).isEqualTo("error");
    }

    @Test
    void aContactFailureBeforeTheLastHeartbeatIsNoReasonEvenWhenReadAfterTheJudgement() {
        register("activated", "running", 1000);
        heartbeat(2000, "a");
        processor.drain();
        liveness(4000, 3, true, 2000);
        contact(1500, "timeout");
        assertThat(transitions()).singleElement()
                .extracting(ComputerStatusChanged::offlineReason).isNull();
        assertThat(processor.find(ID).offlineReason()).isNull();
    }

    @Test
    void aLateContactFailureStillGivesTheReasonAfterTheComputerCameBackInTheSameFlush() {
        register("activated", "running", 1000);
        heartbeat(2000, "a");
        processor.drain();
        liveness(4000, 3, true, 2000);
        heartbeat(5000, "a");
        contact(3500, "timeout");
        assertThat(transitions()).extracting(ComputerStatusChanged::agentStatus, ComputerStatusChanged::offlineReason)
                .containsExactly(tuple("offline", "timeout"), tuple("active", null));
        assertThat(processor.find(ID).offlineReason()).isNull();
    }

    @Test
    void aContactFailureBeforeTheHeartbeatAJudgementNamesIsNoReasonThoughThatHeartbeatIsReadLater() {
        register("activated", "running", 1000);
        heartbeat(1000, "a");
        contact(1500, "timeout");
        processor.drain();
        liveness(4000, 3, true, 2000);
        heartbeat(2000, "a");
        assertThat(transitions()).singleElement()
                .extracting(ComputerStatusChanged::offlineReason).isNull();
        assertThat(processor.find(ID).offlineReason()).isNull();
    }

    @Test
    void anOlderContactFailureReadAfterAPlatformOutageJudgementDoesNotReplaceIt() {
        register("activated", "running", 1000);
        heartbeat(2000, "a");
        processor.drain();
        apply(Topics.LIVENESS, 4100, new Input.Liveness(ID, new LivenessChanged(ID, 3, true,
                Instant.ofEpochMilli(2000), Instant.ofEpochMilli(4100), LivenessChanged.PLATFORM_OUTAGE)));
        contact(3500, "refused");
        assertThat(transitions()).singleElement()
                .extracting(ComputerStatusChanged::offlineReason).isEqualTo("platform-outage");
        assertThat(processor.find(ID).offlineReason()).isEqualTo("platform-outage");
    }

    @Test
    void aContactFailureBeforeAnOnlineJudgementReadAfterItIsNotTakenUpAgain() {
        register("activated", "running", 1000);
        heartbeat(2000, "a");
        liveness(5500, 0, false, 5000);
        contact(5200, "timeout");
        liveness(9000, 3, true, 5000);
        assertThat(transitions()).last().extracting(ComputerStatusChanged::offlineReason).isNull();
    }

    @Test
    void aHeartbeatReceivedBeforeAStaleJudgementWithdrawsItsUnpublishedOfflineTransition() {
        register("activated", "running", 1000);
        heartbeat(2000, "a");
        processor.drain();
        // alert-service judged at 6000 on the heartbeat of 2000: it had not read the one of 5000 yet
        liveness(6000, 3, true, 2000);
        heartbeat(5000, "a");
        assertThat(transitions()).isEmpty();
        ComputerRuntime rt = processor.find(ID);
        assertThat(rt.status()).isEqualTo("active");
        assertThat(rt.statusSinceMs()).isEqualTo(1000);
        assertThat(rt.offline()).isFalse();
        assertThat(rt.missedHeartbeats()).isZero();
    }

    @Test
    void aHeartbeatReceivedAfterTheJudgementEndsARealOfflineEpisode() {
        register("activated", "running", 1000);
        heartbeat(2000, "a");
        processor.drain();
        liveness(6000, 3, true, 2000);
        heartbeat(6001, "a");
        assertThat(transitions()).extracting(ComputerStatusChanged::agentStatus)
                .containsExactly("offline", "active");
    }

    @Test
    void aPublishedOfflineTransitionIsNeitherWithdrawnNorCompleted() {
        register("activated", "running", 1000);
        heartbeat(2000, "a");
        liveness(6000, 3, true, 2000);
        assertThat(transitions()).last().extracting(ComputerStatusChanged::offlineReason).isNull();
        contact(3500, "timeout");
        heartbeat(5000, "a");
        assertThat(transitions()).extracting(ComputerStatusChanged::agentStatus).containsExactly("active");
    }

    @Test
    void aHeartbeatNamedByAnOnlineJudgementWithdrawsAStaleOfflineTransitionToo() {
        register("activated", "running", 1000);
        heartbeat(1000, "a");
        processor.drain();
        liveness(2100, 3, true, 1000);
        liveness(2200, 0, false, 2000);
        assertThat(transitions()).isEmpty();
        assertThat(processor.find(ID).status()).isEqualTo("active");
    }

    @Test
    void aRevokedPartitionTakesItsTransitionsAlongAndTheOthersStayOpenToLateInputs() {
        long other = 43;
        processor.assign(4, List.of());
        processor.apply(new Position(Topics.COMPUTERS, 4), 0, 1000, new Input.Registration(other,
                new ComputerRegistration(other, "web-02", "Linux", "20", null, "physical", 7, "10.0.0.2", 4118,
                        "running", "activated", "01", null, Instant.ofEpochMilli(1000))));
        register("activated", "running", 1000);
        heartbeat(2000, "a");
        processor.drain();
        liveness(4000, 3, true, 2000);
        processor.apply(new Position(Topics.LIVENESS, 4), 0, 4000, new Input.Liveness(other,
                new LivenessChanged(other, 3, true, Instant.ofEpochMilli(1000), Instant.ofEpochMilli(4000))));
        processor.revoke(3);
        processor.apply(new Position(Topics.CONTACT_FAILURES, 4), 0, 3500, new Input.Contact(other,
                new ContactFailed(other, "heartbeat-request", "refused", null, Instant.ofEpochMilli(3500))));
        assertThat(transitions()).singleElement().satisfies(t -> {
            assertThat(t.computerID()).isEqualTo(other);
            assertThat(t.offlineReason()).isEqualTo("refused");
        });
    }

    @Test
    void aComputerHeldBackByAPlatformOutageIsOfflineWithThatReason() {
        register("activated", "running", 1000);
        heartbeat(2000, "sha256:a");
        liveness(4000, 2, true, 2000);
        processor.drain();
        apply(Topics.LIVENESS, 4100, new Input.Liveness(ID, new LivenessChanged(ID, 2, true,
                Instant.ofEpochMilli(2000), Instant.ofEpochMilli(4100), LivenessChanged.PLATFORM_OUTAGE)));
        assertThat(processor.find(ID).offlineReason()).isEqualTo("platform-outage");
        liveness(5000, 0, false, 4900);
        assertThat(processor.find(ID).offlineReason()).isNull();
    }

    @Test
    void aNewerHeartbeatEndsOfflineButNotAnOlderOne() {
        register("activated", "running", 1000);
        heartbeat(2000, "a");
        liveness(4000, 3, true, 2000);
        processor.drain();
        heartbeat(2000, "a");
        assertThat(processor.find(ID).offline()).isTrue();
        heartbeat(5000, "a");
        assertThat(transitions()).extracting(ComputerStatusChanged::agentStatus).containsExactly("active");
        assertThat(processor.find(ID).missedHeartbeats()).isZero();
    }

    @Test
    void judgementsOnAnOlderHeartbeatAreIgnored() {
        register("activated", "running", 1000);
        heartbeat(2000, "a");
        heartbeat(5000, "a");
        processor.drain();
        liveness(6000, 3, true, 2000);
        assertThat(transitions()).isEmpty();
        assertThat(processor.find(ID).offline()).isFalse();
    }

    @Test
    void olderHeartbeatsDoNotMoveLastCommunicationBack() {
        register("activated", "running", 1000);
        heartbeat(5000, "new");
        heartbeat(4000, "old");
        assertThat(processor.find(ID).lastHeartbeatMs()).isEqualTo(5000);
        assertThat(processor.find(ID).reportedFingerprint()).isEqualTo("new");
    }

    @Test
    void contactFailuresBeforeTheLastHeartbeatAreNotTheReason() {
        register("activated", "running", 1000);
        heartbeat(5000, "a");
        apply(Topics.CONTACT_FAILURES, 5100, new Input.Contact(ID, new ContactFailed(ID, "heartbeat-request",
                "timeout", null, Instant.ofEpochMilli(4000))));
        liveness(9000, 3, true, 5000);
        assertThat(transitions()).last().extracting(ComputerStatusChanged::offlineReason).isNull();
    }

    @Test
    void vmStopAndDeactivationAreTransitions() {
        register("activated", "running", 1000);
        register("activated", "stopped", 2000);
        register("activated", "running", 3000);
        register("deactivated", "running", 4000);
        assertThat(transitions()).extracting(ComputerStatusChanged::agentStatus)
                .containsExactly("active", "vm-stopped", "active", "inactive");
    }

    @Test
    void nothingIsPublishedBeforeTheRegistrationIsSeen() {
        heartbeat(2000, "a");
        assertThat(transitions()).isEmpty();
        register("activated", "running", 3000);
        assertThat(transitions()).singleElement().satisfies(t -> assertThat(t.agentStatus()).isEqualTo("active"));
        assertThat(processor.find(ID).derivedStatus().messages()).containsExactly("Managed (Online)");
    }

    @Test
    void configTombstoneForgetsTheExpectedFingerprint() {
        register("activated", "running", 1000);
        apply(Topics.COMPUTER_CONFIG, 1100, new Input.Config(ID, new ComputerConfiguration(ID, 7, Map.of(), null,
                "sha256:b", 600, 2, null, false, Instant.now())));
        apply(Topics.COMPUTER_CONFIG, 1200, new Input.Config(ID, null));
        assertThat(processor.find(ID).expectedFingerprint()).isNull();
    }

    @Test
    void drainHandsOverChangesTransitionsAndPositionsOnce() {
        register("activated", "running", 1000);
        heartbeat(2000, "a");
        apply(Topics.HEARTBEATS, 2500, null);
        StatusProcessor.Flush flush = processor.drain();
        assertThat(flush.changed()).extracting(ComputerRuntime::computerID).containsExactly(ID);
        assertThat(flush.transitions()).hasSize(1);
        assertThat(flush.positions()).containsEntry(new Position(Topics.COMPUTERS, 3), 1L)
                .containsEntry(new Position(Topics.HEARTBEATS, 3), 3L);
        StatusProcessor.Flush empty = processor.drain();
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.positions()).isEmpty();
    }

    @Test
    void aReportedListeningPortIsHandedOverOnceAndTheRegistrationConfirmsIt() {
        register("activated", 4118, 1000);
        heartbeat(2000, "a", 4118);
        heartbeat(2100, "a", null);
        assertThat(processor.drain().listeningPorts()).isEmpty();

        heartbeat(3000, "a", 4150);
        heartbeat(3100, "a", 4150);
        StatusProcessor.Flush flush = processor.drain();
        assertThat(flush.listeningPorts()).containsExactly(Map.entry(ID, 4150));
        assertThat(flush.isEmpty()).isFalse();
        assertThat(processor.find(ID).listeningPort()).isEqualTo(4150);

        register("activated", 4150, 3500);
        heartbeat(4000, "a", 4150);
        assertThat(processor.drain().listeningPorts()).isEmpty();
    }

    @Test
    void anOlderRegistrationReadAfterTheRequestLeadsToAskingAgain() {
        register("activated", 4118, 1000);
        heartbeat(2000, "a", 4150);
        processor.drain();
        register("activated", 4118, 2500);
        heartbeat(3000, "a", 4150);
        assertThat(processor.drain().listeningPorts()).containsExactly(Map.entry(ID, 4150));
    }

    @Test
    void noPortIsAdoptedForDeactivatedUnregisteredOrStaleInput() {
        heartbeat(1000, "a", 4150);
        assertThat(processor.drain().listeningPorts()).isEmpty();
        register("activated", 4118, 1500);
        heartbeat(3000, "a", 4118);
        heartbeat(2000, "a", 4150);
        assertThat(processor.drain().listeningPorts()).isEmpty();
        register("deactivated", 4118, 4000);
        heartbeat(5000, "a", 4150);
        assertThat(processor.drain().listeningPorts()).isEmpty();
        assertThat(processor.find(ID).listeningPort()).isEqualTo(4118);
    }

    @Test
    void revokeDropsPendingPorts() {
        register("activated", 4118, 1000);
        heartbeat(2000, "a", 4150);
        processor.revoke(3);
        assertThat(processor.drain().listeningPorts()).isEmpty();
    }

    @Test
    void transitionIdsAreDerivedFromTheInputRecord() {
        String a = StatusProcessor.eventId(new Position(Topics.LIVENESS, 3), 17, ID);
        assertThat(a).isEqualTo(StatusProcessor.eventId(new Position(Topics.LIVENESS, 3), 17, ID))
                .isNotEqualTo(StatusProcessor.eventId(new Position(Topics.LIVENESS, 3), 18, ID));
    }

    @Test
    void revokeForgetsThePartition() {
        register("activated", "running", 1000);
        processor.revoke(3);
        assertThat(processor.owns(3)).isFalse();
        assertThat(processor.find(ID)).isNull();
        assertThat(processor.drain().isEmpty()).isTrue();
    }

    @Test
    void assignLoadsStoredComputers() {
        ComputerRuntime stored = new ComputerRuntime(7, 5);
        stored.registration = "activated";
        stored.status = "active";
        processor.assign(5, List.of(stored));
        assertThat(processor.find(7)).isSameAs(stored);
        assertThat(processor.trackedComputers()).isEqualTo(1);
    }
}
