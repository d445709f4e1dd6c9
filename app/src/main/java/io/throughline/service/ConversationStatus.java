package io.throughline.service;

/**
 * Where a case stands: waiting for the brand (open), waiting for the customer (pending), put aside until a time
 * (snoozed), or done (resolved). Only resolved cases are closed; every other status is her one live case.
 */
public enum ConversationStatus {
    OPEN, PENDING, SNOOZED, RESOLVED;

    public boolean live() {
        return this != RESOLVED;
    }
}
