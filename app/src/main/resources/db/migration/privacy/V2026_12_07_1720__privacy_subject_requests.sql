-- Data-subject requests (GDPR articles 15-18 and 20): what was asked, by whom it is about, how the requester was
-- verified, and who worked it. A request never holds copies of the customer's data, only ids and staff notes.
CREATE TABLE privacy.subject_request
(
    id                  UUID PRIMARY KEY,
    kind                TEXT        NOT NULL CHECK (kind IN ('ACCESS', 'PORTABILITY', 'ERASURE', 'RECTIFICATION',
                                                             'RESTRICTION')),
    state               TEXT        NOT NULL CHECK (state IN ('RECEIVED', 'VERIFIED', 'IN_PROGRESS', 'COMPLETED',
                                                              'REFUSED')),
    profile_id          UUID        NOT NULL,
    received_via        TEXT        NOT NULL CHECK (received_via IN ('EMAIL', 'LETTER', 'PHONE', 'IN_STORE',
                                                                     'WEB_FORM')),
    received_at         TIMESTAMPTZ NOT NULL,
    due_at              TIMESTAMPTZ NOT NULL,
    details             TEXT,
    verification        TEXT CHECK (verification IN ('SIGNED_IN_ACCOUNT', 'EMAIL_CONFIRMATION', 'ID_DOCUMENT',
                                                     'KNOWLEDGE_QUESTIONS', 'OTHER')),
    verification_note   TEXT,
    refusal             TEXT CHECK (refusal IN ('IDENTITY_NOT_VERIFIED', 'MANIFESTLY_UNFOUNDED', 'EXCESSIVE',
                                                'LEGAL_OBLIGATION', 'NO_DATA_HELD', 'OTHER')),
    outcome_note        TEXT,
    erasure_receipt     JSONB,
    closed_at           TIMESTAMPTZ,
    updated_at          TIMESTAMPTZ NOT NULL
);
-- The console lists open requests first, the most urgent on top.
CREATE INDEX subject_request_open_idx ON privacy.subject_request ((state IN ('COMPLETED', 'REFUSED')), due_at, id);
CREATE INDEX subject_request_profile_idx ON privacy.subject_request (profile_id);

-- Who moved a request to which state, when: the request's audit trail.
CREATE TABLE privacy.subject_request_step
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id UUID        NOT NULL REFERENCES privacy.subject_request (id) ON DELETE CASCADE,
    state      TEXT        NOT NULL,
    staff_id   UUID        NOT NULL,
    note       TEXT,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX subject_request_step_request_idx ON privacy.subject_request_step (request_id, at);

-- Profiles whose processing is restricted (article 18): no marketing reaches them while the row exists.
CREATE TABLE privacy.restriction
(
    profile_id    UUID PRIMARY KEY,
    request_id    UUID,
    restricted_at TIMESTAMPTZ NOT NULL,
    restricted_by UUID        NOT NULL
);
