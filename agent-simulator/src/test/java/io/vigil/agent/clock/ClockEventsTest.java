package io.vigil.agent.clock;

import io.vigil.agent.heartbeat.AgentLogEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ClockEventsTest {

    private static final Instant REAL = Instant.parse("2026-11-25T09:29:01Z");

    private static AgentClock clock(Duration skew) {
        return new AgentClock(Clock.fixed(REAL, ZoneOffset.UTC), skew);
    }

    @Test
    void theAgentClockIsTheBasePlusItsSkew() {
        assertThat(clock(Duration.ofMinutes(-5)).now()).isEqualTo(REAL.minusSeconds(300));
    }

    @Test
    void aJumpMovesTheClockAndSaysFromWhereToWhere() {
        AgentClock clock = clock(Duration.ofSeconds(10));

        ClockChange change = clock.jump(Duration.ofMinutes(30));

        assertThat(change.previousTime()).isEqualTo(REAL.plusSeconds(10));
        assertThat(change.newTime()).isEqualTo(REAL.plusSeconds(1810));
        assertThat(change.changeSeconds()).isEqualTo(1800);
        assertThat(clock.now()).isEqualTo(REAL.plusSeconds(1810));
        assertThat(clock.setSkew(Duration.ZERO).changeSeconds()).isEqualTo(-1810);
    }

    @Test
    void changeSecondsAreSignedWholeSecondsRounded() {
        assertThat(new ClockChange(REAL, REAL.plusMillis(1499)).changeSeconds()).isEqualTo(1);
        assertThat(new ClockChange(REAL, REAL.plusMillis(1500)).changeSeconds()).isEqualTo(2);
        assertThat(new ClockChange(REAL, REAL.minusMillis(1500)).changeSeconds()).isEqualTo(-2);
        assertThat(new ClockChange(REAL, REAL.minusMillis(400)).changeSeconds()).isZero();
    }

    @Test
    void aWindowsAgentReportsAChangeOverItsThresholdAsEvent5004() {
        ClockChange change = clock(Duration.ZERO).jump(Duration.ofMinutes(30));

        AgentLogEvent event = ClockEvents.forChange(change, "Windows", 600L).orElseThrow();

        assertThat(event.eventID()).isEqualTo(5004);
        assertThat(event.time()).isEqualTo("2026-11-25T09:59:01.000Z");
        assertThat(event.description()).isEqualTo("Clock changed");
        assertThat(event.data()).containsEntry("previousTime", "2026-11-25T09:29:01.000Z")
                .containsEntry("changeSeconds", 1800L);
    }

    @Test
    void backwardChangesAreReportedWithANegativeChange() {
        ClockChange change = clock(Duration.ZERO).jump(Duration.ofMinutes(-20));

        assertThat(ClockEvents.forChange(change, "Windows Server 2022", 60L).orElseThrow().data())
                .containsEntry("changeSeconds", -1200L);
    }

    @Test
    void nothingAtOrUnderTheThresholdUnderUnlimitedOrOnOtherPlatforms() {
        ClockChange sixty = clock(Duration.ZERO).jump(Duration.ofSeconds(60));
        ClockChange big = clock(Duration.ZERO).jump(Duration.ofHours(2));

        assertThat(ClockEvents.forChange(sixty, "Windows", 60L)).isEmpty();
        assertThat(ClockEvents.forChange(clock(Duration.ZERO).jump(Duration.ofSeconds(61)), "Windows", 60L))
                .isPresent();
        assertThat(ClockEvents.forChange(big, "Windows", null)).isEmpty();
        assertThat(ClockEvents.forChange(big, "Linux", 60L)).isEmpty();
    }

    @Test
    void uptimeDoesNotFollowTheWallClock() {
        AgentClock clock = AgentClock.system(Duration.ZERO);
        long before = clock.uptimeMillis();

        clock.jump(Duration.ofDays(-1));

        assertThat(clock.uptimeMillis()).isGreaterThanOrEqualTo(before);
    }
}
