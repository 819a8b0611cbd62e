-- Campus Helpdesk: the schema of ticket-service (the only service that owns tables).
-- Enum types sort in their declared order, so `sort=priority` and `sort=status` follow the domain's order
-- (LOW < MEDIUM < HIGH, OPEN < ACTIVE < CLOSED) and can use plain btree indexes.
CREATE TYPE ticket_status AS ENUM ('OPEN', 'ACTIVE', 'CLOSED');
CREATE TYPE ticket_category AS ENUM ('FACILITY', 'IT', 'SERVICES');
CREATE TYPE ticket_priority AS ENUM ('LOW', 'MEDIUM', 'HIGH');

CREATE TABLE tickets (
    id                  bigserial PRIMARY KEY,
    title               varchar(200)    NOT NULL,
    description         varchar(10000)  NOT NULL,
    location            varchar(100),
    priority            ticket_priority NOT NULL DEFAULT 'MEDIUM',
    status              ticket_status   NOT NULL DEFAULT 'OPEN',
    category            ticket_category NOT NULL,
    category_confidence double precision NOT NULL CHECK (category_confidence BETWEEN 0 AND 1),
    category_source     varchar(5)      NOT NULL DEFAULT 'AUTO' CHECK (category_source IN ('AUTO', 'STAFF')),
    needs_review        boolean         NOT NULL DEFAULT false,
    reporter_name       varchar(80)     NOT NULL,
    assignee            varchar(80),
    opened_at           timestamptz     NOT NULL DEFAULT now(),
    updated_at          timestamptz     NOT NULL DEFAULT now(),
    first_response_at   timestamptz,
    closed_at           timestamptz,
    version             bigint          NOT NULL DEFAULT 1,
    -- Soft delete (spam): a deleted ticket vanishes from every read but keeps its history and feed events.
    deleted_at          timestamptz,
    -- The text-search configuration of the ticket's language, guessed once at creation (cheap stop-word count).
    language            varchar(10)     NOT NULL DEFAULT 'simple'
        CHECK (language IN ('english', 'italian', 'spanish', 'german', 'french', 'simple')),
    -- One stemmed vector in the ticket's own language plus an unstemmed 'simple' one (catches words of other
    -- languages and a wrong guess). Two to_tsvector calls per row, not six, so bulk loads stay fast.
    search              tsvector GENERATED ALWAYS AS (
        CASE language
            WHEN 'english' THEN to_tsvector('english', title || ' ' || description)
            WHEN 'italian' THEN to_tsvector('italian', title || ' ' || description)
            WHEN 'spanish' THEN to_tsvector('spanish', title || ' ' || description)
            WHEN 'german'  THEN to_tsvector('german', title || ' ' || description)
            WHEN 'french'  THEN to_tsvector('french', title || ' ' || description)
            ELSE ''::tsvector
        END || to_tsvector('simple', title || ' ' || description)) STORED
);

-- Every read filters on deleted_at IS NULL, so the list indexes are partial on live tickets.
CREATE INDEX tickets_opened_at ON tickets (opened_at, id) WHERE deleted_at IS NULL;
CREATE INDEX tickets_updated_at ON tickets (updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX tickets_status_opened_at ON tickets (status, opened_at) WHERE deleted_at IS NULL;
CREATE INDEX tickets_category_opened_at ON tickets (category, opened_at) WHERE deleted_at IS NULL;
CREATE INDEX tickets_priority_opened_at ON tickets (priority, opened_at) WHERE deleted_at IS NULL;
CREATE INDEX tickets_needs_review ON tickets (opened_at) WHERE deleted_at IS NULL AND needs_review;
CREATE INDEX tickets_search ON tickets USING gin (search);

-- The transactional outbox: the ticket's visible history and the change feed. One row per committed change,
-- written in the same transaction as the change.
CREATE TABLE ticket_event (
    id                bigserial PRIMARY KEY,
    -- The writing transaction. The feed serves only rows whose xid is below the oldest running transaction
    -- (pg_snapshot_xmin), ordered by (xid, id): ids are not visible in commit order, xids behind xmin are final.
    xid               xid8         NOT NULL DEFAULT pg_current_xact_id(),
    ticket_id         bigint       NOT NULL REFERENCES tickets (id),
    type              varchar(20)  NOT NULL
        CHECK (type IN ('CREATED', 'EDITED', 'CATEGORY_CORRECTED', 'STATUS_CHANGED', 'MESSAGE_ADDED', 'DELETED')),
    actor             varchar(80)  NOT NULL,
    actor_role        varchar(7)   NOT NULL CHECK (actor_role IN ('STUDENT', 'STAFF')),
    at                timestamptz  NOT NULL DEFAULT now(),
    -- True for a staff-only note: students never see this event.
    internal          boolean      NOT NULL DEFAULT false,
    -- The history's field changes: [{"field": "...", "from": "...", "to": "..."}].
    changes           jsonb        NOT NULL DEFAULT '[]',
    -- The ticket's facts after the change (all null for DELETED).
    category          ticket_category,
    status            ticket_status,
    priority          ticket_priority,
    opened_at         timestamptz,
    closed_at         timestamptz,
    first_response_at timestamptz,
    version           bigint
);
CREATE INDEX ticket_event_feed ON ticket_event (xid, id);
CREATE INDEX ticket_event_ticket ON ticket_event (ticket_id, id);

CREATE TABLE ticket_message (
    id          bigserial PRIMARY KEY,
    ticket_id   bigint        NOT NULL REFERENCES tickets (id),
    author      varchar(80)   NOT NULL,
    author_role varchar(7)    NOT NULL CHECK (author_role IN ('STUDENT', 'STAFF')),
    body        varchar(5000) NOT NULL,
    internal    boolean       NOT NULL DEFAULT false,
    created_at  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX ticket_message_ticket ON ticket_message (ticket_id, id);

-- Idempotency-Key of POST /api/tickets, per reporter. Inserted in the ticket's own transaction, before the
-- ticket (hence the deferred foreign key), so that a concurrent retry waits on the primary key and then
-- finds the first ticket.
CREATE TABLE idempotency_key (
    reporter   varchar(80)  NOT NULL,
    key        varchar(200) NOT NULL,
    body_hash  varchar(64)  NOT NULL,
    ticket_id  bigint       NOT NULL REFERENCES tickets (id) DEFERRABLE INITIALLY DEFERRED,
    created_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (reporter, key)
);

-- Staff corrections of the category: the extra training data of the classifier.
CREATE TABLE category_correction (
    id        bigserial PRIMARY KEY,
    ticket_id bigint          NOT NULL REFERENCES tickets (id),
    text      varchar(10201)  NOT NULL,
    predicted ticket_category NOT NULL,
    corrected ticket_category NOT NULL,
    actor     varchar(80)     NOT NULL,
    at        timestamptz     NOT NULL DEFAULT now()
);
