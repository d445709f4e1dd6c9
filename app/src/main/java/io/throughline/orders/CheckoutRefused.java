package io.throughline.orders;

/**
 * A checkout that ended without an order, as the API reports it: a declined card (402), a reused
 * idempotency key (422), or a conflict found after the payment was asked for (409). Kept with the
 * idempotency key so that a repeat gets the same answer.
 *
 * @see Orders#checkout
 */
public final class CheckoutRefused extends RuntimeException {

    private final int status;
    private final String problemType;
    private final String field;

    public CheckoutRefused(int status, String problemType, String field, String detail) {
        super(detail);
        this.status = status;
        this.problemType = problemType;
        this.field = field;
    }

    public static CheckoutRefused declined(String detail) {
        return new CheckoutRefused(402, "payment-declined", "payment", detail);
    }

    public static CheckoutRefused keyReused(String detail) {
        return new CheckoutRefused(422, "idempotency-key-reused", "Idempotency-Key", detail);
    }

    public int status() {
        return status;
    }

    public String problemType() {
        return problemType;
    }

    public String field() {
        return field;
    }
}
