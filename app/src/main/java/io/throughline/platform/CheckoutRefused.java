package io.throughline.platform;

/**
 * A checkout that ended without an order, and why. Kept with the checkout's idempotency key, so that a repeat of
 * the key gets the same answer; the web layer turns the reason into the HTTP status.
 */
public final class CheckoutRefused extends ThroughlineException {

    /** What went wrong, each with its stable problem type. */
    public enum Reason {
        /** The processor declined the payment; nothing was taken. */
        PAYMENT_DECLINED("payment-declined"),
        /** The processor could not answer or had an error; nothing was taken. */
        PAYMENT_FAILED("payment-failed"),
        /** The idempotency key was used before for another request. */
        KEY_REUSED("idempotency-key-reused"),
        /** The cart, its holds or its coupons changed while the payment was asked for. */
        CONFLICT("conflict"),
        /** The process stopped half-way; reconciliation gave everything back. */
        INTERRUPTED("checkout-interrupted"),
        /** Something in the request was wrong once the payment had been asked for. */
        INVALID("invalid-request"),
        /** Something the request named was not there once the payment had been asked for. */
        NOT_FOUND("not-found"),
        /** An unexpected failure; nothing was kept. */
        FAILED("internal-error");

        private final String problemType;

        Reason(String problemType) {
            this.problemType = problemType;
        }

        public String problemType() {
            return problemType;
        }
    }

    private final Reason reason;
    private final String field;

    public CheckoutRefused(Reason reason, String field, String detail) {
        super(detail);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The request field (or header) the refusal is about. */
    public String field() {
        return field;
    }

    @Override
    public String problemType() {
        return reason.problemType();
    }
}
