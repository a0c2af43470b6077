package io.vigil.policy.apikey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A managed API key as policy-service stores it: never the secret, only its SHA-256. */
@Entity
@Table(name = "api_key")
public class ApiKeyEntity {

    /** Taken from the sequence before the insert: the secret names its key's ID. */
    @Id
    public Long id;

    public String name;

    public String description;

    public String role;

    @Column(name = "secret_hash")
    public String secretHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
