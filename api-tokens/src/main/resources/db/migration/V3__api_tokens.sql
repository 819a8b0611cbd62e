-- Personal API tokens (analysts' BI tools, scripts). Only a SHA-256 of the token is kept: the token has 256 random
-- bits, so a fast hash is as safe as a slow one and lets every gateway request look it up by index.
-- This migration lives in the api-tokens module, beside the only code that reads the table; ticket-service's
-- Flyway finds it on its classpath with the others.
CREATE TABLE api_tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text        NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$'),
    role         text        NOT NULL CHECK (role IN ('ANALYST', 'STAFF')),
    owner        text        NOT NULL,
    token_hash   bytea       NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   text
);
-- A name is how people and ./helpdesk token revoke refer to a token, so it is unique among tokens not revoked.
CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens (name) WHERE revoked_at IS NULL;
