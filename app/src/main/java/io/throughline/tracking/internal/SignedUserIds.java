package io.throughline.tracking.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Checks a user id signed by the brand's server, the one way a client-side source's events join a known
 * customer. The server signs when the shopper signs in and hands the signature to the page or app, which sends
 * it as {@code context.userIdSignature}: {@code <unix seconds>.<hex HMAC-SHA256 of "<userId>.<unix seconds>">},
 * keyed with the source's user-id secret. A signature is good for {@link #MAX_AGE} from its time, so the server
 * signs again at least that often (at each sign-in, and when a session is renewed).
 */
final class SignedUserIds {

    static final Duration MAX_AGE = Duration.ofDays(30);
    /** Clocks of the brand's server and ours differ a little; a signature from slightly ahead is still good. */
    static final Duration SKEW = Duration.ofMinutes(5);

    private SignedUserIds() {}

    /** The signature for the user id at the time: what the brand's server computes (also used by tests). */
    static String sign(String secret, String userId, long unixSeconds) {
        return unixSeconds + "." + HexFormat.of().formatHex(hmac(secret, userId + "." + unixSeconds));
    }

    /** Whether {@code signature} is the source's signature of {@code userId}, made within {@link #MAX_AGE} of now. */
    static boolean verify(@Nullable String secret, String userId, @Nullable String signature, Instant now) {
        if (secret == null || signature == null || signature.length() > 100) {
            return false;
        }
        int dot = signature.indexOf('.');
        if (dot < 1 || dot > 12) {
            return false;
        }
        long seconds;
        byte[] given;
        try {
            seconds = Long.parseLong(signature.substring(0, dot));
            given = HexFormat.of().parseHex(signature.substring(dot + 1));
        } catch (IllegalArgumentException notASignature) {
            return false;
        }
        Instant signedAt = Instant.ofEpochSecond(seconds);
        if (signedAt.isAfter(now.plus(SKEW)) || signedAt.isBefore(now.minus(MAX_AGE))) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, userId + "." + seconds), given);
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
            throw new IllegalStateException("Every Java runtime provides HmacSHA256", unavailable);
        }
    }
}
