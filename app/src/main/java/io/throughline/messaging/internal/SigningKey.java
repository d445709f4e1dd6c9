package io.throughline.messaging.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tracking tokens' signer. Its key is {@code throughline.messaging.token-secret} when set (the same on
 * every node), otherwise one made at random on first use and kept in the database, so that links in mails
 * already sent keep working after a restart.
 */
@Component
class SigningKey {

    private final JdbcClient jdbc;
    private final @Nullable String configured;
    private volatile @Nullable TrackingTokens tokens;

    SigningKey(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.configured = environment.getProperty("throughline.messaging.token-secret");
    }

    TrackingTokens tokens() {
        TrackingTokens known = tokens;
        if (known == null) {
            synchronized (this) {
                known = tokens;
                if (known == null) {
                    known = new TrackingTokens(secret());
                    tokens = known;
                }
            }
        }
        return known;
    }

    private byte[] secret() {
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        jdbc.sql("INSERT INTO messaging.signing_key (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")
                .param(random).update();
        return jdbc.sql("SELECT secret FROM messaging.signing_key WHERE id = 1").query(byte[].class).single();
    }
}
