-- Every channel decision of a dispatch, with its reasons, so that staff can see why a customer got (or did not
-- get) a message, and the frequency caps can count the marketing sends of every origin.
CREATE TABLE messaging.decision (
    id           uuid PRIMARY KEY,
    profile_id   uuid        NOT NULL,
    message_id   uuid        NOT NULL,
    purpose      text        NOT NULL CHECK (purpose IN ('marketing', 'transactional')),
    origin       text        NOT NULL,
    -- send: handed to the channel; hold: until hold_until; skip: not sent; control: would have been sent on
    -- the channel, but the customer is in the global control group.
    outcome      text        NOT NULL CHECK (outcome IN ('send', 'hold', 'skip', 'control')),
    channel      text,
    delivery_id  uuid,
    hold_until   timestamptz,
    reasons      jsonb       NOT NULL,
    -- the dispatch's moment, which the caps and quiet hours were weighed at
    decided_for  timestamptz NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX decision_by_profile ON messaging.decision (profile_id, created_at DESC, id DESC);
CREATE INDEX decision_marketing_sends ON messaging.decision (profile_id, decided_for)
    WHERE outcome = 'send' AND purpose = 'marketing';
CREATE INDEX decision_by_delivery ON messaging.decision (delivery_id) WHERE delivery_id IS NOT NULL;

-- The customer's engagement per channel, kept up as opens, clicks, replies and purchases arrive, so that
-- ranking channels reads a handful of rows instead of her deliveries. score is the decayed sum as of as_of.
CREATE TABLE messaging.engagement_score (
    profile_id     uuid             NOT NULL,
    channel        text             NOT NULL,
    score          double precision NOT NULL,
    as_of          timestamptz      NOT NULL,
    last_click_at  timestamptz,
    PRIMARY KEY (profile_id, channel)
);
