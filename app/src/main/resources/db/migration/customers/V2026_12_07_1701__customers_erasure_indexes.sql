-- Erasure finds every profile of a person by following merged_into down from the survivor.
CREATE INDEX profile_merged_into_idx ON customers.profile (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX identity_conflict_conflicting_idx ON customers.identity_conflict (conflicting_profile_id)
    WHERE conflicting_profile_id IS NOT NULL;
