package io.throughline.platform;

/**
 * A request the platform refuses for a reason the caller can act on. Each subtype maps to one HTTP status
 * and one stable problem type, so modules throw meaning and the web layer decides the wire format.
 */
public abstract sealed class ThroughlineException extends RuntimeException
        permits NotFoundException, ConflictException, InvalidRequestException, CheckoutRefused, TooManyAttempts {

    protected ThroughlineException(String detail) {
        super(detail);
    }

    /** The stable last segment of the problem type URI, e.g. {@code not-found}. */
    public abstract String problemType();
}
