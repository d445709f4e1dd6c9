package io.throughline.orders.internal;

import io.throughline.orders.Payment;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A payment with the checkout that asked for it and, once placed, its order. */
record PaymentRow(Payment payment, UUID checkoutId, @Nullable UUID orderId) {}
