package io.throughline.segments.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How audience sync talks to a receiver: each body is signed with the sync's secret (HMAC-SHA256 over the time
 * and the body, so a receiver can refuse a replayed or altered delivery), and a failed delivery is tried again
 * after a backoff that doubles from {@link #FIRST_RETRY} up to {@link #LONGEST_WAIT}, {@link #ATTEMPTS} times in all.
 */
final class SyncPolicy {

    static final String SIGNATURE_HEADER = "Throughline-Signature";
    static final String DELIVERY_HEADER = "Throughline-Delivery";
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    static final int ATTEMPTS = 10;

    private SyncPolicy() {}

    /** {@code t=<epoch seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}. */
    static String signature(String secret, Instant at, String body) {
        long seconds = at.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((seconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** When to try again after {@code attempts} failed attempts; null when it is given up. */
    static @org.jspecify.annotations.Nullable Instant retryAt(int attempts, Instant now) {
        if (attempts >= ATTEMPTS) {
            return null;
        }
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
    }
}
