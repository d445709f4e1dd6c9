-- A send step's intent, written in the transaction that brings the instance to the step. The message goes out
-- after that commit, outside it; the transaction that moves the instance on deletes the row. The key is the
-- instance, its stage and the step: messaging refuses a second dispatch of the same key, so a retried or
-- re-driven intent never sends twice. claimed_until is the lease of whoever is sending it; a row whose lease
-- ran out was left by a crash and is sent by the next poller that finds it.
CREATE TABLE journeys.send_intent
(
    instance_id   UUID        NOT NULL REFERENCES journeys.instance (id),
    stage         INT         NOT NULL,
    step          TEXT        NOT NULL,
    -- the moment the walk reached the step, which the channel choice weighs quiet hours and caps at
    at            TIMESTAMPTZ NOT NULL,
    claimed_until TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (instance_id, stage, step)
);

CREATE INDEX send_intent_lease ON journeys.send_intent (claimed_until);

-- MERGED: the customer's profile was merged into another one that was in the same journey, and the journey
-- lets a customer be in it once at a time; the survivor's instance carries on.
ALTER TABLE journeys.instance DROP CONSTRAINT instance_state_check;
ALTER TABLE journeys.instance
    ADD CONSTRAINT instance_state_check CHECK (state IN ('ACTIVE', 'COMPLETED', 'CONVERTED', 'CONTROL', 'MERGED'));
