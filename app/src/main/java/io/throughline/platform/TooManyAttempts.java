package io.throughline.platform;

/**
 * The caller has tried something too often, such as claiming handoff codes, and must wait before trying again.
 * Answered as 429 with {@code Retry-After}.
 */
public final class TooManyAttempts extends ThroughlineException {

    private final String field;
    private final long retryAfterSeconds;

    public TooManyAttempts(String field, String detail, long retryAfterSeconds) {
        super(detail);
        this.field = field;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public String field() {
        return field;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public String problemType() {
        return "rate-limited";
    }
}
