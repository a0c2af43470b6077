-- The policy tree. Settings set on a level are a JSON object {apiName: normalisedValue}; the others are inherited.
CREATE TABLE policy (
    id               BIGSERIAL PRIMARY KEY,
    name             TEXT   NOT NULL UNIQUE,
    description      TEXT   NOT NULL DEFAULT '',
    parent_id        BIGINT REFERENCES policy (id),
    settings         TEXT   NOT NULL DEFAULT '{}',
    -- digest of the PolicyConfiguration last acknowledged by Kafka (null: never published)
    published_digest TEXT,
    CONSTRAINT base_policy_is_root CHECK ((id = 1) = (parent_id IS NULL))
);
INSERT INTO policy (id, name, description) VALUES (1, 'Base Policy', 'The root of the policy tree');
SELECT setval('policy_id_seq', 1);

-- Computers as the registry announces them on vigil.internal.computers.
CREATE TABLE computer (
    id               BIGINT PRIMARY KEY,
    computer_type    TEXT    NOT NULL,
    policy_id        BIGINT  NOT NULL REFERENCES policy (id),
    settings         TEXT    NOT NULL DEFAULT '{}',
    -- deactivated: a tombstone is still to be published, then the row is deleted
    removed          BOOLEAN NOT NULL DEFAULT FALSE,
    -- digest of the ComputerConfiguration last acknowledged by Kafka (null: never published)
    published_digest TEXT
);
CREATE INDEX computer_policy_id ON computer (policy_id, id);

-- Work for the relay, written in the same transaction as the change that causes it (see README: "Atomic publishing").
-- kind SUBTREE: policies and computers under policy_id; POLICIES: policy configurations only; COMPUTER: computer_id.
CREATE TABLE reconcile_job (
    id          BIGSERIAL PRIMARY KEY,
    kind        TEXT        NOT NULL,
    policy_id   BIGINT,
    computer_id BIGINT,
    cursor_id   BIGINT      NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL
);

-- Transactional outbox of finished records (audit, policy tombstones, dead letters).
CREATE TABLE outbox (
    id           BIGSERIAL PRIMARY KEY,
    topic        TEXT        NOT NULL,
    record_key   TEXT,
    payload      BYTEA,
    reason       TEXT,
    source_topic TEXT,
    created_at   TIMESTAMPTZ NOT NULL
);

-- One relay at a time across replicas publishes, so that the last record per key is always the newest state.
CREATE TABLE relay_lease (
    id          INT PRIMARY KEY,
    owner       TEXT        NOT NULL,
    valid_until TIMESTAMPTZ NOT NULL
);
INSERT INTO relay_lease (id, owner, valid_until) VALUES (1, '', TIMESTAMPTZ '1970-01-01 00:00:00+00');
