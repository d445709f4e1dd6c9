-- Erasure and export find a customer's carts in every state, not only the open one.
CREATE INDEX cart_of_profile ON carts.cart (profile_id) WHERE profile_id IS NOT NULL;
CREATE INDEX cart_of_anonymous_id ON carts.cart (anonymous_id) WHERE anonymous_id IS NOT NULL;
