-- Issue 18, similar open tickets. GET /api/tickets/similar compares a report being typed with the OPEN and ACTIVE
-- tickets of the last seven days, newest first: a few thousand rows at most of a table of millions. This partial
-- index holds just the unclosed ones in opening order, with the columns the comparison needs before any text
-- (version, category), so the candidates are an index range scan, not a walk through the status index or the heap.
-- A trigram (pg_trgm, shipped with PostgreSQL) or full-text index does not fit: the same outage in five languages shares no trigrams
-- and few stems ("Drucker", "stampante", "printer"); the service compares concepts instead (ticket-service README).
CREATE INDEX tickets_unclosed_recent ON tickets (opened_at DESC) INCLUDE (version, category)
    WHERE deleted_at IS NULL AND status IN ('OPEN', 'ACTIVE');
