-- The signals already counted in the engagement scores, e.g. 'click:<delivery id>' or 'purchase:<order id>':
-- a customer's second click on one message, or an event a channel sent twice, counts once.
CREATE TABLE messaging.engagement_signal (
    signal      text        PRIMARY KEY,
    profile_id  uuid        NOT NULL,
    counted_at  timestamptz NOT NULL
);
CREATE INDEX engagement_signal_by_profile ON messaging.engagement_signal (profile_id);
