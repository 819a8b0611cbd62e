-- Issue 11: who handles what, response targets (SLA) and "new since you last looked".
-- On a large desk the backfills below take longer than the services' statement timeout; this transaction only.
SET LOCAL statement_timeout = 0;

-- A ticket's response targets as computed when it was filed or its priority last changed (service-levels'
-- ServiceLevels.deadlines): stored, so a later change of the configured targets does not move them, and so the
-- list can filter and sort on them in SQL. The at-risk instants are when less than a fifth of each target is left.
-- Nullable: every writer of ticket-service and demo-data sets them, but a row written by hand (a script, a test's
-- bulk INSERT) simply has no targets (no sla on the API, never matched by the sla filter).
ALTER TABLE tickets
    ADD COLUMN first_response_due_at     timestamptz,
    ADD COLUMN first_response_at_risk_at timestamptz,
    ADD COLUMN resolution_due_at         timestamptz,
    ADD COLUMN resolution_at_risk_at     timestamptz;

-- Existing tickets get the default targets in calendar hours (HIGH 1 h / 8 h, MEDIUM 8 h / 72 h, LOW 24 h / 168 h),
-- at risk at 80 % of each.
UPDATE tickets SET
    first_response_due_at     = opened_at + t.first_response,
    first_response_at_risk_at = opened_at + t.first_response * 0.8,
    resolution_due_at         = opened_at + t.resolution,
    resolution_at_risk_at     = opened_at + t.resolution * 0.8
FROM (VALUES ('HIGH'::ticket_priority, interval '1 hour', interval '8 hours'),
             ('MEDIUM'::ticket_priority, interval '8 hours', interval '72 hours'),
             ('LOW'::ticket_priority, interval '24 hours', interval '168 hours')) AS t (priority, first_response, resolution)
WHERE tickets.priority = t.priority;

-- The reporter may choose the category when filing (REPORTER).
ALTER TABLE tickets DROP CONSTRAINT tickets_category_source_check;
ALTER TABLE tickets ALTER COLUMN category_source TYPE varchar(8);
ALTER TABLE tickets ADD CONSTRAINT tickets_category_source_check
    CHECK (category_source IN ('AUTO', 'REPORTER', 'STAFF'));

-- Staff hand ACTIVE tickets over to each other.
ALTER TABLE ticket_event DROP CONSTRAINT ticket_event_type_check;
ALTER TABLE ticket_event ADD CONSTRAINT ticket_event_type_check
    CHECK (type IN ('CREATED', 'EDITED', 'CATEGORY_CORRECTED', 'STATUS_CHANGED', 'HANDED_OVER', 'MESSAGE_ADDED',
                    'DELETED'));

-- The facts every feed event carries gain the assignee and both due times (null for DELETED, like the others).
ALTER TABLE ticket_event
    ADD COLUMN assignee              varchar(80),
    ADD COLUMN first_response_due_at timestamptz,
    ADD COLUMN resolution_due_at     timestamptz;

-- Past events get exactly what they would have carried: until now the assignee was set once, by the move to ACTIVE,
-- and never changed, and the due times follow from the event's own priority and opening time.
UPDATE ticket_event e SET
    assignee              = CASE WHEN e.status = 'OPEN' THEN NULL ELSE tk.assignee END,
    first_response_due_at = e.opened_at + t.first_response,
    resolution_due_at     = e.opened_at + t.resolution
FROM tickets tk,
     (VALUES ('HIGH'::ticket_priority, interval '1 hour', interval '8 hours'),
             ('MEDIUM'::ticket_priority, interval '8 hours', interval '72 hours'),
             ('LOW'::ticket_priority, interval '24 hours', interval '168 hours')) AS t (priority, first_response, resolution)
WHERE tk.id = e.ticket_id AND e.priority = t.priority;

-- When each person last looked at a ticket (POST /api/tickets/{id}/read): a ticket is "unread" for its reporter, or
-- its assignee, while a message they may see, written by someone else, is newer than this.
CREATE TABLE ticket_read (
    ticket_id bigint      NOT NULL REFERENCES tickets (id),
    reader    varchar(80) NOT NULL,
    read_at   timestamptz NOT NULL,
    PRIMARY KEY (ticket_id, reader)
);

-- The queue's new filters, partial on live tickets like the others: Mine / Unassigned (assignee), "My tickets"
-- (reporter), and the unmet targets (the sla filter and sort=due only ever look at targets not yet met).
CREATE INDEX tickets_assignee_opened_at ON tickets (assignee, opened_at) WHERE deleted_at IS NULL;
CREATE INDEX tickets_reporter_opened_at ON tickets (reporter_name, opened_at) WHERE deleted_at IS NULL;
CREATE INDEX tickets_first_response_due ON tickets (first_response_due_at)
    WHERE deleted_at IS NULL AND first_response_at IS NULL AND closed_at IS NULL;
CREATE INDEX tickets_resolution_due ON tickets (resolution_due_at) WHERE deleted_at IS NULL AND closed_at IS NULL;
