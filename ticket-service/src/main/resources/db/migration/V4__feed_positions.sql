-- The change feed's order: a position stamped on each event once its transaction has committed, by one sequencer
-- at a time (FeedSequencer). Readers follow "position > cursor", so an unrelated transaction held open (a psql
-- session, a migration, a bulk load) delays nothing: only committed rows are ever stamped, and a row stamped
-- later always gets a greater position. It replaces serving by xid below the snapshot's xmin, which any open
-- write transaction anywhere in the database held back.
-- On a large desk the renumbering takes longer than the services' statement timeout; this transaction only.
SET LOCAL statement_timeout = 0;

ALTER TABLE ticket_event ADD COLUMN position bigint;

-- Events already written are committed: they take their places in the order the old feed served them.
UPDATE ticket_event e SET position = o.n
FROM (SELECT id, row_number() OVER (ORDER BY xid, id) AS n FROM ticket_event) o
WHERE e.id = o.id;

CREATE UNIQUE INDEX ticket_event_position ON ticket_event (position);
-- What the sequencer looks for: committed events without a position yet, oldest id first.
CREATE INDEX ticket_event_unstamped ON ticket_event (id) WHERE position IS NULL;
DROP INDEX ticket_event_feed;
