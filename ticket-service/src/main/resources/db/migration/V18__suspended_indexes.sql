-- A bulk load into a (nearly) empty desk (./helpdesk seed, the demo-data API) drops the secondary indexes of
-- tickets, messages and events and builds them again after the COPY: one sorted build costs a fraction of a
-- million single-row insertions, above all for the full-text GIN index. Like suspended_foreign_keys, the drop is
-- written down here in the same transaction, so a load killed half-way leaves a record: the next load, or
-- ticket-service's next start, builds whatever is listed. definition is pg_get_indexdef's CREATE INDEX statement.
CREATE TABLE suspended_indexes (
    table_name   text        NOT NULL,
    name         text        NOT NULL,
    definition   text        NOT NULL,
    suspended_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (table_name, name)
);
