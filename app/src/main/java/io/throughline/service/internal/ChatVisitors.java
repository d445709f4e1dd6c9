package io.throughline.service.internal;

import io.throughline.platform.Rows;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The widget's visitor tokens: the write key says which source a chat comes from, but it is public, so a
 * visitor reads her conversation only with a token the platform signed for her anonymous id at the start of her
 * session (HMAC-SHA256 under a key generated once per installation); a guessed anonymous id reads nothing.
 */
@Component
class ChatVisitors {

    private static final String KEY = "chat-token-key";

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile byte[] key;

    ChatVisitors(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String tokenFor(UUID sourceId, String anonymousId) {
        return sign(sourceId + "\n" + anonymousId);
    }

    boolean valid(UUID sourceId, String anonymousId, String token) {
        return MessageDigest.isEqual(tokenFor(sourceId, anonymousId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", unavailable);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("""
                    INSERT INTO service.setting (key, value, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (key) DO NOTHING""")
                    .params(KEY, Base64.getEncoder().encodeToString(fresh), Rows.timestamp(clock.instant())).update();
            known = Base64.getDecoder().decode(jdbc.sql("SELECT value FROM service.setting WHERE key = ?")
                    .param(KEY).query(String.class).single());
            key = known;
        }
        return known;
    }
}
