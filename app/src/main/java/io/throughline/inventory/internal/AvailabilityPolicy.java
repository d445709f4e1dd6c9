package io.throughline.inventory.internal;

/** What one location contributes to a channel: never less than nothing, so one short shop cannot cancel out another. */
final class AvailabilityPolicy {

    private AvailabilityPolicy() {}

    static int available(int onHand, int reserved, int safetyStock) {
        return Math.max(0, onHand - reserved - safetyStock);
    }
}
