-- Erasure and export reach a customer's checkouts through her carts, and her returns and anonymous orders.
CREATE INDEX checkout_of_cart ON orders.checkout (cart_id);
CREATE INDEX order_return_of_profile ON orders.order_return (profile_id) WHERE profile_id IS NOT NULL;
CREATE INDEX placed_order_of_anonymous_id ON orders.placed_order (anonymous_id) WHERE anonymous_id IS NOT NULL;
CREATE INDEX payment_of_processor_reference ON orders.payment (processor_reference)
    WHERE processor_reference IS NOT NULL;
