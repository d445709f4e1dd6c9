package io.throughline.privacy.internal.preferences;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The preference links' signer, from the configured secret or one kept in the database. */
@Component
class LinkKey {

    private final JdbcClient jdbc;
    private final PreferenceProperties properties;
    private volatile @Nullable LinkTokens tokens;

    LinkKey(JdbcClient jdbc, PreferenceProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    LinkTokens tokens() {
        LinkTokens known = tokens;
        if (known == null) {
            synchronized (this) {
                known = tokens;
                if (known == null) {
                    known = new LinkTokens(secret());
                    tokens = known;
                }
            }
        }
        return known;
    }

    private byte[] secret() {
        String configured = properties.linkSecret();
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        jdbc.sql("INSERT INTO privacy.signing_key (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")
                .param(random).update();
        return jdbc.sql("SELECT secret FROM privacy.signing_key WHERE id = 1").query(byte[].class).single();
    }
}
