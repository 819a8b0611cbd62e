-- A bulk load (./helpdesk seed, the demo-data API) drops the foreign keys from messages and events to tickets
-- for speed and adds them back at the end. It writes down what it dropped here, in the same transaction as the
-- drop, so that a load killed half-way (Ctrl-C, kill -9, a crash) never leaves the schema without them: the next
-- load, or ticket-service's next start, restores and validates whatever is listed.
CREATE TABLE suspended_foreign_keys (
    table_name   text        NOT NULL,
    name         text        NOT NULL,
    definition   text        NOT NULL,
    suspended_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (table_name, name)
);
