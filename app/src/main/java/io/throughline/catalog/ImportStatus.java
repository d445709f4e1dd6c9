package io.throughline.catalog;

/** Where a CSV import is: still loading, done (perhaps with refused rows), or stopped by a failure of its own. */
public enum ImportStatus {
    RUNNING,
    COMPLETED,
    FAILED
}
