-- Issue 18, mass incidents. A ticket may be linked to an incident: another ticket, its parent, whose public answer
-- and close reach it. One level only (an incident is never linked itself), enforced by the service; the reference
-- keeps a link from naming a ticket that never existed.
ALTER TABLE tickets ADD COLUMN incident_id bigint REFERENCES tickets (id);
CREATE INDEX tickets_incident ON tickets (incident_id) WHERE incident_id IS NOT NULL;

-- People who joined a ticket with "this is my problem too": told like its reporter, counted on the incident.
CREATE TABLE ticket_follower (
    ticket_id bigint       NOT NULL REFERENCES tickets (id),
    person    varchar(80)  NOT NULL,
    joined_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (ticket_id, person)
);
CREATE INDEX ticket_follower_person ON ticket_follower (person);

-- Linking, unlinking and joining are events of their own, in the history and the feed.
ALTER TABLE ticket_event DROP CONSTRAINT ticket_event_type_check;
ALTER TABLE ticket_event ADD CONSTRAINT ticket_event_type_check
    CHECK (type IN ('CREATED', 'EDITED', 'CATEGORY_CORRECTED', 'STATUS_CHANGED', 'HANDED_OVER', 'MESSAGE_ADDED',
                    'DELETED', 'LINKED', 'UNLINKED', 'FOLLOWED'));

-- The facts every feed event carries gain the incident, so analytics can count an outage once.
ALTER TABLE ticket_event ADD COLUMN incident_id bigint;
