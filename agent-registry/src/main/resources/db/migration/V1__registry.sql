-- agent-registry's own database ("registry"). Times are epoch milliseconds (bigint).

CREATE TABLE activation_token (
    id                     bigserial PRIMARY KEY,
    token_sha256           text    NOT NULL UNIQUE,
    policy_id              bigint  NOT NULL,
    expires_at_ms          bigint  NOT NULL,
    max_uses               integer,
    uses                   integer NOT NULL DEFAULT 0,
    on_duplicate_host_name text    NOT NULL,
    created_at_ms          bigint  NOT NULL
);

CREATE SEQUENCE computer_id_seq;

-- Identity and placement: written by activations and console writes.
CREATE TABLE computer (
    id                        bigint  PRIMARY KEY,
    host_name                 text    NOT NULL,
    platform                  text,
    agent_version             text,
    agent_release             text,
    computer_type             text    NOT NULL,
    policy_id                 bigint  NOT NULL,
    agent_address             text,
    listening_port            integer NOT NULL,
    vm_state                  text    NOT NULL,
    state                     text    NOT NULL,
    certificate_serial        text,
    certificate_expires_at_ms bigint,
    activated_at_ms           bigint  NOT NULL,
    changed_at_ms             bigint  NOT NULL
);
CREATE INDEX computer_active_host ON computer (lower(host_name)) WHERE state = 'activated';
CREATE INDEX computer_host_prefix ON computer (lower(host_name) text_pattern_ops);
CREATE INDEX computer_policy ON computer (policy_id);

-- Runtime state: written only by the status engine, in batches, together with its input offsets.
CREATE TABLE computer_state (
    computer_id         bigint  PRIMARY KEY,
    kafka_partition     integer NOT NULL,
    host_name           text,
    registration        text,
    vm_state            text,
    last_heartbeat_ms   bigint,
    last_ip             text,
    driver_status       text,
    agent_version       text,
    counters            text,
    tls_protocol        text,
    tls_cipher_suite    text,
    reported_fp         text,
    expected_fp         text,
    offline             boolean NOT NULL DEFAULT false,
    missed_heartbeats   integer NOT NULL DEFAULT 0,
    liveness_last_ms    bigint,
    contact_reason      text,
    contact_at_ms       bigint,
    last_operation      text,
    status              text,
    status_since_ms     bigint
);
CREATE INDEX computer_state_partition ON computer_state (kafka_partition);

-- Where the status engine resumes each input partition (written in the same transaction as the state).
CREATE TABLE engine_offset (
    topic       text    NOT NULL,
    partition   integer NOT NULL,
    next_offset bigint  NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- Transactional outbox: events written with the database change, relayed to Kafka in id order.
CREATE TABLE outbox (
    id         bigserial PRIMARY KEY,
    topic      text  NOT NULL,
    record_key text  NOT NULL,
    payload    bytea NOT NULL
);
