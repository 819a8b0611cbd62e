-- The reporter's notification address, apart from the ticket's row: students read every OPEN and ACTIVE ticket,
-- and nothing that reads the tickets table may hand an address to them. Staff read it through its own route.
-- reply_token is the ticket's secret in each notification's Reply-To, so a reply is matched to its ticket by the
-- token and never by the subject's text.
CREATE TABLE ticket_contact (
    ticket_id   bigint PRIMARY KEY REFERENCES tickets (id),
    email       text NOT NULL,
    reply_token text NOT NULL UNIQUE DEFAULT replace(gen_random_uuid()::text, '-', '')
);

-- Notifications to send, written in the transaction of the change that causes them, so a committed change always
-- has its mail and a rolled-back one never. The Message-ID is fixed here: a resend after a crash between sending
-- and marking carries the same one, and the receiver's client shows it once.
CREATE TABLE mail_outbox (
    id              bigserial PRIMARY KEY,
    ticket_id       bigint NOT NULL REFERENCES tickets (id),
    kind            text NOT NULL,
    recipient       text NOT NULL,
    message_id      text NOT NULL UNIQUE,
    reply_to        text,
    subject         text NOT NULL,
    text_body       text NOT NULL,
    html_body       text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    sent_at         timestamptz,
    failed_at       timestamptz
);

-- The sender's question, "what is due", reads only the unsent rows.
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX mail_outbox_ticket ON mail_outbox (ticket_id);
