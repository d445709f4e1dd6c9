-- Erasure and export find the coupons granted to a customer, her redemptions and her uses of promotions.
CREATE INDEX coupon_code_of_customer ON pricing.coupon_code (customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX redemption_of_customer ON pricing.redemption (customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX customer_use_of_customer ON pricing.customer_use (customer_id);
