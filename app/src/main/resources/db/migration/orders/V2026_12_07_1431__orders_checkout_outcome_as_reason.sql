-- A refused checkout keeps why it was refused as a reason (CheckoutRefused.Reason, by constant name) instead of the
-- HTTP status and problem type it was answered with: the web layer chooses the status from the reason.
ALTER TABLE orders.checkout ADD COLUMN outcome TEXT
    CHECK (outcome IN ('PAYMENT_DECLINED', 'PAYMENT_FAILED', 'KEY_REUSED', 'CONFLICT', 'INTERRUPTED', 'INVALID',
                       'NOT_FOUND', 'FAILED'));

UPDATE orders.checkout
   SET outcome = CASE
                     WHEN outcome_type = 'payment-declined' THEN 'PAYMENT_DECLINED'
                     WHEN outcome_type = 'payment-failed' THEN 'PAYMENT_FAILED'
                     WHEN outcome_status = 422 THEN 'KEY_REUSED'
                     WHEN outcome_status = 409 AND outcome_detail LIKE '%interrupted%' THEN 'INTERRUPTED'
                     WHEN outcome_status = 409 THEN 'CONFLICT'
                     WHEN outcome_status = 400 THEN 'INVALID'
                     WHEN outcome_status = 404 THEN 'NOT_FOUND'
                     ELSE 'FAILED'
                 END
 WHERE state = 'REFUSED';

ALTER TABLE orders.checkout DROP COLUMN outcome_status, DROP COLUMN outcome_type;
ALTER TABLE orders.checkout ADD CONSTRAINT checkout_refused_has_reason CHECK ((state = 'REFUSED') = (outcome IS NOT NULL));
