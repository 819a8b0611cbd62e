-- Issue 18, similar open tickets, the index by concept. GET /api/tickets/similar used to compare the typed text with
-- every candidate (up to 5,000 OPEN/ACTIVE tickets of the last week) on each request. Instead each candidate's
-- concepts (ReportVector: the lexicon's concepts and the stems of unknown words, unit length) are stored here once
-- per ticket version, so a request reads only the postings of the concepts it shares with the typed text and sums
-- the cosine in the database: dozens of tickets, not thousands.
--
-- The service keeps these tables up to date from ticket_event (what changed since the feed position it last saw,
-- and the events not stamped yet), and backfills them from V12's candidates when it starts or falls far behind
-- (SimilarIndex). Only candidates are indexed: a ticket closed, deleted or past the week loses its rows.
-- The rows are written by whichever replica sees a change first; a row is replaced only by a newer ticket version.
CREATE TABLE similar_ticket (
    -- No foreign key to tickets: a request joins tickets for the live status anyway, and a key here would make the
    -- index's writes wait for every writer holding a ticket's row lock.
    ticket_id bigint PRIMARY KEY,
    version   bigint NOT NULL,
    opened_at timestamptz NOT NULL,
    -- Place.marks of the ticket's location (empty: no location given).
    place     text[] NOT NULL
);

CREATE TABLE similar_concept (
    concept   text NOT NULL,
    ticket_id bigint NOT NULL REFERENCES similar_ticket (ticket_id) ON DELETE CASCADE,
    weight    double precision NOT NULL,
    PRIMARY KEY (concept, ticket_id)
) WITH (fillfactor = 90);

-- Replacing or removing one ticket's postings.
CREATE INDEX similar_concept_ticket ON similar_concept (ticket_id);
-- Dropping tickets past the week.
CREATE INDEX similar_ticket_opened ON similar_ticket (opened_at);
