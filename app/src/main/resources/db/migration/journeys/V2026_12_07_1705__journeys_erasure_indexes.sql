-- Erasure and export find a customer's journey instances in every state.
CREATE INDEX instance_of_profile ON journeys.instance (profile_id);
