-- Channels, purposes, statuses and outcomes are stored by their enum constant's name, as every module stores
-- its states, instead of by their lower-case API keys.
ALTER TABLE messaging.message DROP CONSTRAINT message_purpose_check;
UPDATE messaging.message SET purpose = upper(purpose);
ALTER TABLE messaging.message ADD CONSTRAINT message_purpose_check CHECK (purpose IN ('MARKETING', 'TRANSACTIONAL'));

UPDATE messaging.delivery SET channel = upper(channel), purpose = upper(purpose), status = upper(status);
ALTER TABLE messaging.delivery
    ADD CONSTRAINT delivery_channel_check CHECK (channel IN ('EMAIL', 'SMS', 'PUSH', 'IN_APP', 'TASK')),
    ADD CONSTRAINT delivery_purpose_check CHECK (purpose IN ('MARKETING', 'TRANSACTIONAL')),
    ADD CONSTRAINT delivery_status_check CHECK (status IN ('REFUSED', 'SENT', 'DELIVERED', 'FAILED', 'BOUNCED'));

DROP INDEX messaging.decision_marketing_sends;
ALTER TABLE messaging.decision DROP CONSTRAINT decision_purpose_check, DROP CONSTRAINT decision_outcome_check;
UPDATE messaging.decision SET purpose = upper(purpose), outcome = upper(outcome), channel = upper(channel);
ALTER TABLE messaging.decision
    ADD CONSTRAINT decision_purpose_check CHECK (purpose IN ('MARKETING', 'TRANSACTIONAL')),
    ADD CONSTRAINT decision_outcome_check CHECK (outcome IN ('SEND', 'HOLD', 'SKIP', 'CONTROL')),
    ADD CONSTRAINT decision_channel_check CHECK (channel IN ('EMAIL', 'SMS', 'PUSH', 'IN_APP', 'TASK'));
CREATE INDEX decision_marketing_sends ON messaging.decision (profile_id, decided_for)
    WHERE outcome = 'SEND' AND purpose = 'MARKETING';

UPDATE messaging.sink_message SET channel = upper(channel);
ALTER TABLE messaging.sink_message
    ADD CONSTRAINT sink_message_channel_check CHECK (channel IN ('EMAIL', 'SMS', 'PUSH', 'IN_APP', 'TASK'));

UPDATE messaging.engagement_score SET channel = upper(channel);
ALTER TABLE messaging.engagement_score
    ADD CONSTRAINT engagement_score_channel_check CHECK (channel IN ('EMAIL', 'SMS', 'PUSH', 'IN_APP', 'TASK'));
