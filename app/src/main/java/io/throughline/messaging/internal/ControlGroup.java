package io.throughline.messaging.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The global control group: the share of customers, in percent, who get no marketing at all so that the
 * brand can compare their conversion with everyone else's. Membership is a stable hash of the profile id, so a
 * customer stays in (or out) across dispatches, nodes and restarts without a stored list, and raising the
 * share only adds customers.
 */
record ControlGroup(double percent) {

    /** Hash buckets: a share is a whole number of hundredths of a percent. */
    private static final int BUCKETS = 10_000;

    boolean contains(UUID profileId) {
        return bucket(profileId) < Math.round(percent * BUCKETS / 100);
    }

    static int bucket(UUID profileId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("control-group:" + profileId).getBytes(StandardCharsets.US_ASCII));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), BUCKETS);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
