package io.vigil.alerts.alert;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** One stored alert. Never leaves the service: mapped to {@code AlertView} (REST) and {@code AlertData} (Kafka). */
@Entity
@Table(name = "alert")
public class AlertEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_seq")
    @SequenceGenerator(name = "alert_seq", sequenceName = "alert_seq", allocationSize = 50)
    public Long id;

    @Column(name = "alert_type", nullable = false)
    public String alertType;

    @Column(name = "computer_id")
    public Long computerId;

    @Column(name = "host_name")
    public String hostName;

    @Column(nullable = false)
    public String state;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Column(name = "last_occurrence_at", nullable = false)
    public Instant lastOccurrenceAt;

    @Column(nullable = false)
    public int occurrences;

    @Column(nullable = false)
    public long episode;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(nullable = false)
    public String details;

    @Version
    public int version;

    public AlertType type() {
        return AlertType.fromId(alertType).orElseThrow();
    }

    public AlertState alertState() {
        return AlertState.valueOf(state.toUpperCase(java.util.Locale.ROOT));
    }
}
