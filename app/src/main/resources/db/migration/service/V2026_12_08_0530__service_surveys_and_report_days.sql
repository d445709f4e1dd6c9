-- Satisfaction surveys sent when a case is resolved: the link's token is kept only as a digest; the answer (1-5
-- and a comment) arrives through a page, so a link scanner that fetches the URL answers nothing.
CREATE TABLE service.survey (
    id                  uuid PRIMARY KEY,
    conversation_id     uuid        NOT NULL,
    profile_id          uuid        NOT NULL,
    agent_id            uuid,
    medium              text        NOT NULL,
    channel             text        NOT NULL,
    token_digest        text        NOT NULL UNIQUE,
    sent_at             timestamptz NOT NULL,
    answered_at         timestamptz,
    score               smallint    CHECK (score BETWEEN 1 AND 5),
    comment             text
);
CREATE INDEX survey_profile ON service.survey (profile_id);
CREATE INDEX survey_conversation ON service.survey (conversation_id);

-- The reports' rollup: per day (in the brand's zone), medium and agent (the nil id for nobody), what was resolved,
-- the sums of first-response and handling seconds, targets kept, and survey answers. Written in the transaction
-- that resolves a case or records an answer, so the reports read a few rows per day instead of every case.
CREATE TABLE service.report_day (
    day                     date    NOT NULL,
    medium                  text    NOT NULL,
    agent_id                uuid    NOT NULL,
    resolved                integer NOT NULL DEFAULT 0,
    first_responses         integer NOT NULL DEFAULT 0,
    first_response_seconds  bigint  NOT NULL DEFAULT 0,
    handling_seconds        bigint  NOT NULL DEFAULT 0,
    sla_decided             integer NOT NULL DEFAULT 0,
    sla_met                 integer NOT NULL DEFAULT 0,
    csat_answers            integer NOT NULL DEFAULT 0,
    csat_sum                integer NOT NULL DEFAULT 0,
    PRIMARY KEY (day, medium, agent_id)
);
