package io.throughline.platform;

/** The named resource does not exist (or the caller may not know that it does). */
public final class NotFoundException extends ThroughlineException {

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " does not exist");
    }

    @Override
    public String problemType() {
        return "not-found";
    }
}
