-- Idempotency-Key of POST /api/tickets/{id}/messages, per author: the same contract as idempotency_key for
-- tickets, in a table of its own because what a key stands for is a message. Claimed first in the message's
-- transaction, taking the message's id from its sequence (hence the deferred foreign key), so that a concurrent
-- retry waits on the primary key and then finds the first message.
CREATE TABLE message_idempotency_key (
    author     varchar(80)  NOT NULL,
    key        varchar(200) NOT NULL,
    body_hash  varchar(64)  NOT NULL,
    message_id bigint       NOT NULL REFERENCES ticket_message (id) DEFERRABLE INITIALLY DEFERRED,
    created_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (author, key)
);
