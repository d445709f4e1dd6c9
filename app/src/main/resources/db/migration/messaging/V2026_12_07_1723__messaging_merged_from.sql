-- The profile a record belonged to before a merge gave it to the survivor, so that undoing the merge gives it
-- back. Records made on the survivor after the merge have none and stay with her.
ALTER TABLE messaging.delivery ADD COLUMN merged_from uuid;
ALTER TABLE messaging.decision ADD COLUMN merged_from uuid;
ALTER TABLE messaging.in_app_card ADD COLUMN merged_from uuid;
ALTER TABLE messaging.associate_task ADD COLUMN merged_from uuid;
ALTER TABLE messaging.engagement_signal ADD COLUMN merged_from uuid;
