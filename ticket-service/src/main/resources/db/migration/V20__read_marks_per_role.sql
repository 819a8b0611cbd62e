-- A read mark belongs to a person, and a person here is a name in a role: a student who signs in under a staff
-- member's name must not clear that staff member's "new" markers (nor the other way round). A mark made before
-- roles were kept is copied for both roles of its name: either may have made it, and a marker shown once too few is
-- the lesser harm than one shown again for what was read.
--
-- A table of its own rather than a new key on ticket_read: during a rolling upgrade the replicas still running the
-- previous version go on reading and writing ticket_read as they know it (one row per ticket and name), and a second
-- row per name there made their lookups fail. ticket_read is left for them and is no longer read; what they mark
-- during the rollout is lost to the new version (a marker shows "new" once more).
CREATE TABLE ticket_read_marks (
    ticket_id   bigint      NOT NULL REFERENCES tickets (id),
    reader      varchar(80) NOT NULL,
    reader_role varchar(16) NOT NULL CHECK (reader_role IN ('STUDENT', 'STAFF')),
    read_at     timestamptz NOT NULL,
    PRIMARY KEY (ticket_id, reader, reader_role)
);
INSERT INTO ticket_read_marks (ticket_id, reader, reader_role, read_at)
SELECT r.ticket_id, r.reader, roles.role, r.read_at
FROM ticket_read r CROSS JOIN (VALUES ('STUDENT'), ('STAFF')) AS roles (role);
