package io.throughline.platform;

/** A value the caller sent breaks a rule that bean validation cannot express, e.g. an unparseable phone number. */
public final class InvalidRequestException extends ThroughlineException {

    private final String field;
    private final String reason;

    public InvalidRequestException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String problemType() {
        return "invalid-request";
    }
}
