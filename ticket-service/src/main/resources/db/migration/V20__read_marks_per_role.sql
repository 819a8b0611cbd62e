-- A read mark belongs to a person, and a person here is a name in a role: a student who signs in under a staff
-- member's name must not clear that staff member's "new" markers (nor the other way round). A mark made before
-- roles were kept is kept for both roles of its name: either may have made it, and a marker shown once too few is
-- the lesser harm than one shown again for what was read.
ALTER TABLE ticket_read DROP CONSTRAINT ticket_read_pkey;
ALTER TABLE ticket_read ADD COLUMN reader_role varchar(16);
INSERT INTO ticket_read (ticket_id, reader, read_at, reader_role)
SELECT ticket_id, reader, read_at, 'STAFF' FROM ticket_read;
UPDATE ticket_read SET reader_role = 'STUDENT' WHERE reader_role IS NULL;
ALTER TABLE ticket_read
    ALTER COLUMN reader_role SET NOT NULL,
    ADD CONSTRAINT ticket_read_role CHECK (reader_role IN ('STUDENT', 'STAFF')),
    ADD PRIMARY KEY (ticket_id, reader, reader_role);
