package io.throughline.service;

/** From the customer (inbound), to her (outbound), or between staff (internal: notes). */
public enum Direction {
    INBOUND, OUTBOUND, INTERNAL
}
