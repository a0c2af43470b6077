package io.vigil.policy.computer;

import io.vigil.policy.policy.SettingsColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Map;
import java.util.TreeMap;

/** A computer as announced by the registry, with the settings set on it. */
@Entity
@Table(name = "computer")
public class ComputerEntity {

    @Id
    public Long id;

    @Column(name = "computer_type")
    public String computerType;

    @Column(name = "policy_id")
    public long policyId;

    @Convert(converter = SettingsColumn.class)
    public Map<String, String> settings = new TreeMap<>();

    public boolean removed;

    @Column(name = "published_digest")
    public String publishedDigest;
}
