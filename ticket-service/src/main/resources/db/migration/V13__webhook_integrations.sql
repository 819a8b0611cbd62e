-- Campus systems that open tickets through the signed webhook intake (POST /api/intake/{name}). The secret is kept
-- as it is, not hashed: the intake computes an HMAC of each body with it. Read by api-tokens' Integrations, for
-- ticket-service and ./helpdesk integration alike; SECURITY.md says how the table is protected.
CREATE TABLE integrations (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    secret     text        NOT NULL,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    revoked_by text
);
-- The name is the intake's URL, so it is unique among live integrations; a revoked one's name may be used again
-- (rotation: revoke, then create with the same name).
CREATE UNIQUE INDEX integrations_live_name ON integrations (name) WHERE revoked_at IS NULL;

-- One row per delivery that opened a ticket: a sender's retry (same X-Delivery-Id) gets the first ticket. Claimed
-- in the create's own statement, taking the ticket's id from its sequence (hence the deferred foreign key), so that
-- two identical deliveries at once wait on the primary key and make one ticket. Per integration name, so a rotated
-- secret keeps the sender's retries working.
CREATE TABLE intake_delivery (
    integration  text         NOT NULL,
    delivery_id  varchar(200) NOT NULL,
    body_hash    varchar(64)  NOT NULL,
    ticket_id    bigint       NOT NULL REFERENCES tickets (id) DEFERRABLE INITIALLY DEFERRED,
    external_ref varchar(200),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (integration, delivery_id)
);
