-- Erasure and export find a customer's rendered messages, cards and tasks (read ones too).
CREATE INDEX sink_message_of_delivery ON messaging.sink_message (delivery_id);
CREATE INDEX in_app_card_of_profile ON messaging.in_app_card (profile_id);
CREATE INDEX associate_task_of_profile ON messaging.associate_task (profile_id);
