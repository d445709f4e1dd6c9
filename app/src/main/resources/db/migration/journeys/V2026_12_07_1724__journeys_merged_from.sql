-- The profile an instance belonged to before a merge gave it to the survivor, so that undoing the merge gives
-- it back. Instances entered on the survivor after the merge have none and stay with her.
ALTER TABLE journeys.instance ADD COLUMN merged_from uuid;
