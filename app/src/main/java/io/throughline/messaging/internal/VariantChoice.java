package io.throughline.messaging.internal;

import io.throughline.messaging.Variant;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * Picks a customer's A/B variant from a hash of her profile and the message, so she sees the same variant
 * on every send, and customers spread evenly over the variants.
 */
final class VariantChoice {

    private VariantChoice() {}

    /** @param variants one channel's variants in key order, not empty */
    static Variant choose(List<Variant> variants, UUID profileId, UUID messageId) {
        if (variants.size() == 1) {
            return variants.getFirst();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((profileId + ":" + messageId).getBytes(StandardCharsets.UTF_8));
            long bucket = Integer.toUnsignedLong(ByteBuffer.wrap(hash).getInt());
            return variants.get((int) (bucket % variants.size()));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
