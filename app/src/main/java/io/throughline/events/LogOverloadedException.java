package io.throughline.events;

/** The log's queue is full: the caller should retry after a moment rather than wait without bound. */
public class LogOverloadedException extends RuntimeException {

    public LogOverloadedException() {
        super("The event log is busy; retry shortly");
    }
}
