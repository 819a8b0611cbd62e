-- Files attached to a ticket or to one of its messages. Outside the change feed on purpose: a file is not a
-- change of the ticket's facts, and the feed's followers have no use for megabytes of photos.
CREATE TABLE attachment (
    id          bigserial PRIMARY KEY,
    ticket_id   bigint       NOT NULL REFERENCES tickets (id),
    -- Null: attached to the report itself. Visibility follows the message (internal notes: staff only).
    message_id  bigint       REFERENCES ticket_message (id),
    name        varchar(255) NOT NULL,
    -- Detected from the content (Tika), never the name's or the uploader's word.
    type        varchar(100) NOT NULL,
    size        bigint       NOT NULL CHECK (size >= 0),
    uploader    varchar(80)  NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    -- A small JPEG of an image, made once at upload; null for everything else.
    thumbnail   bytea
);
CREATE INDEX attachment_ticket ON attachment (ticket_id, id);
CREATE INDEX attachment_message ON attachment (message_id) WHERE message_id IS NOT NULL;

-- The bytes, in rows of at most 256 KiB, so that neither an upload nor a download ever holds a whole file in
-- memory: each is written and read a chunk at a time.
CREATE TABLE attachment_chunk (
    attachment_id bigint  NOT NULL REFERENCES attachment (id) ON DELETE CASCADE,
    seq           integer NOT NULL CHECK (seq >= 0),
    bytes         bytea   NOT NULL,
    PRIMARY KEY (attachment_id, seq)
);
-- Photos, PDFs and office files are compressed already: TOAST's compression would spend CPU for nothing.
ALTER TABLE attachment_chunk ALTER COLUMN bytes SET STORAGE EXTERNAL;
