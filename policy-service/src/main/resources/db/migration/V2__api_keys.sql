-- Managed console API keys (REST /api/apikeys). Only the SHA-256 of a secret is stored; the secret is shown once.
-- A revoked key is kept (revoked_at set) so that its history and audit trail stay readable.
CREATE TABLE api_key (
    id           BIGSERIAL PRIMARY KEY,
    name         TEXT        NOT NULL,
    description  TEXT        NOT NULL DEFAULT '',
    role         TEXT        NOT NULL CHECK (role IN ('full-access', 'read-only')),
    secret_hash  TEXT        NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT        NOT NULL,
    expires_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    revoked_by   TEXT,
    -- the latest use any console service reported (vigil.internal.api-key-usage)
    last_used_at TIMESTAMPTZ
);
-- names are unique among the keys that are not revoked
CREATE UNIQUE INDEX api_key_live_name ON api_key (name) WHERE revoked_at IS NULL;
