-- Browser sessions signed out before their cookie expires (the gateway's cookies are signed, not stored): kept
-- until that expiry so a sign-out outlasts a gateway restart and holds on every replica. The id is the session's
-- random id, never the cookie.
CREATE TABLE ended_sessions (
    id         text PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    expires_at timestamptz NOT NULL
);
CREATE INDEX ended_sessions_expiry ON ended_sessions (expires_at);
