-- Which identifier of the profile an identifier arrived with ("type:value"); null for the identifiers that
-- founded the profile. This is the recorded history that splits a profile back when a merge is undone.
ALTER TABLE customers.identity ADD COLUMN attached_via TEXT;

-- The survivor's own name and contact details before a merge filled its gaps, to restore on unmerge.
ALTER TABLE customers.merge ADD COLUMN survivor_contact JSONB;
