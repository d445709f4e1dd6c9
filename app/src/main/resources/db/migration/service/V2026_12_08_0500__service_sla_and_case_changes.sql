-- Business-hours calendars: when the contact centre works, in a zone (the brand's unless told), and the days off.
CREATE TABLE service.calendar (
    id                  uuid PRIMARY KEY,
    name                text        NOT NULL UNIQUE,
    zone                text        NOT NULL,
    created_at          timestamptz NOT NULL
);

-- A calendar's working hours per ISO day of the week (1 Monday … 7 Sunday); two rows on one day are a split shift.
CREATE TABLE service.calendar_hours (
    calendar_id         uuid        NOT NULL REFERENCES service.calendar (id) ON DELETE CASCADE,
    weekday             smallint    NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens               time        NOT NULL,
    closes              time        NOT NULL CHECK (closes > opens),
    PRIMARY KEY (calendar_id, weekday, opens)
);

-- Whole days a calendar does not work (public holidays), in the calendar's zone.
CREATE TABLE service.holiday (
    calendar_id         uuid        NOT NULL REFERENCES service.calendar (id) ON DELETE CASCADE,
    day                 date        NOT NULL,
    name                text        NOT NULL,
    PRIMARY KEY (calendar_id, day)
);

-- Service-level targets: the first human answer and the resolution within so many working minutes of the
-- calendar (around the clock without one), for a priority and a medium; null matches any.
CREATE TABLE service.sla_policy (
    id                      uuid PRIMARY KEY,
    name                    text        NOT NULL UNIQUE,
    priority                text,
    medium                  text,
    first_response_minutes  integer     NOT NULL CHECK (first_response_minutes > 0),
    resolution_minutes      integer     NOT NULL CHECK (resolution_minutes > 0),
    calendar_id             uuid        REFERENCES service.calendar (id),
    created_at              timestamptz NOT NULL
);

ALTER TABLE service.conversation
    ADD COLUMN priority        text NOT NULL DEFAULT 'NORMAL',
    ADD COLUMN sla_policy_id   uuid,
    ADD COLUMN resolution_due  timestamptz,
    ADD COLUMN sla_started_at  timestamptz;
-- Cases opened before targets had calendars keep their first-response target and get the default resolution one.
UPDATE service.conversation SET resolution_due = opened_at + interval '72 hours', sla_started_at = opened_at;

-- Splits and merges staff make, so that each can be undone: a merge folds source into target; a split moves the
-- listed messages from source to the new case target.
CREATE TABLE service.case_change (
    id                  uuid PRIMARY KEY,
    kind                text        NOT NULL,
    source_id           uuid        NOT NULL,
    target_id           uuid        NOT NULL,
    message_ids         uuid[]      NOT NULL DEFAULT '{}',
    staff_id            uuid        NOT NULL,
    made_at             timestamptz NOT NULL,
    undone_at           timestamptz
);
CREATE INDEX case_change_source ON service.case_change (source_id);
CREATE INDEX case_change_target ON service.case_change (target_id);

ALTER TABLE service.canned_answer ADD COLUMN updated_at timestamptz;
