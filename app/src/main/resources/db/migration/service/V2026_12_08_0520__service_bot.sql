-- The first-line bot: whether it is answering the case, how many turns in a row it could not answer, and when
-- and why it handed the case to people.
ALTER TABLE service.conversation
    ADD COLUMN bot_active        boolean NOT NULL DEFAULT false,
    ADD COLUMN bot_failed_turns  integer NOT NULL DEFAULT 0,
    ADD COLUMN handed_over_at    timestamptz,
    ADD COLUMN handover_reason   text;
