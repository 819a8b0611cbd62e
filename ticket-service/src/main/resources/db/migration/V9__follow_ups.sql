-- Issue 19: "Still not fixed?" files a new ticket that names the one it follows up on. Nullable (most tickets follow
-- up on nothing); a reference to the row, so it cannot name a ticket that never existed. A deleted ticket stays a
-- row, so its follow-ups keep their link.
ALTER TABLE tickets ADD COLUMN previous_ticket_id bigint REFERENCES tickets (id);
