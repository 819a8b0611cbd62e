-- Email intake: every mail read from the mailbox, by its Message-ID (or a hash of it when it has none), with what
-- became of it. A mail read again (another replica after a crash between the commit and the \Seen flag, a client
-- that unflagged it) finds its row and is only flagged: one ticket, one message, one polite answer per mail. The
-- ticket or message itself is made under the same key through the idempotency tables, so even a crash between
-- the ticket and this row makes nothing twice.
CREATE TABLE mail_intake (
    message_key text PRIMARY KEY,
    outcome     text NOT NULL,
    ticket_id   bigint REFERENCES tickets (id),
    handled_at  timestamptz NOT NULL DEFAULT now()
);
