package io.throughline.platform;

/** The request is well formed but clashes with the current state, e.g. a duplicate email. */
public final class ConflictException extends ThroughlineException {

    private final String field;

    public ConflictException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public String problemType() {
        return "conflict";
    }
}
