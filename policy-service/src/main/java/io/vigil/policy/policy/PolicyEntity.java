package io.vigil.policy.policy;

import io.vigil.policy.tree.PolicyNode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Map;
import java.util.TreeMap;

@Entity
@Table(name = "policy")
public class PolicyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String description = "";

    @Column(name = "parent_id")
    public Long parentId;

    @Convert(converter = SettingsColumn.class)
    public Map<String, String> settings = new TreeMap<>();

    @Column(name = "published_digest")
    public String publishedDigest;

    public PolicyNode toNode() {
        return new PolicyNode(id, parentId, name, description, SettingsColumn.typed(settings));
    }
}
