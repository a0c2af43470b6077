-- Configuration documents the platform published on vigil.internal.computer-config, kept by fingerprint (computed
-- here from the document), so that a fingerprint an agent reports can be explained after the computer's expected
-- configuration moved on. Never deleted: a handful of distinct documents however large the fleet.
CREATE TABLE configuration_document (
    fingerprint   text   PRIMARY KEY,
    document      text   NOT NULL,
    first_seen_ms bigint NOT NULL
);

-- The latest configuration published for each computer and where each member of its document comes from
-- (JSON: member name to {"setting", "level", "policyID", "rule"}); removed with the computer's tombstone.
CREATE TABLE expected_configuration (
    computer_id   bigint PRIMARY KEY,
    fingerprint   text   NOT NULL,
    policy_id     bigint NOT NULL,
    sources       text   NOT NULL,
    changed_at_ms bigint NOT NULL
);
