package io.throughline.events;

/** The kinds of call in the Segment specification, which every collected event is one of. */
public enum EventType {
    IDENTIFY, TRACK, PAGE, SCREEN, GROUP, ALIAS;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
