package io.throughline.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import io.throughline.platform.Rows;

/**
 * The installation's privacy secrets: from configuration when given, else generated once and kept in the
 * database, so every node and every restart uses the same (a receipt must verify years later, and a digest must
 * match the one written at erasure).
 */
@Component
@EnableConfigurationProperties(PrivacyProperties.class)
public class InstallationSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PrivacyProperties properties;
    private final Map<String, byte[]> known = new ConcurrentHashMap<>();

    InstallationSecrets(JdbcClient jdbc, Clock clock, PrivacyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    public byte[] receiptKey() {
        return secret("receipt-key", properties.receiptKey());
    }

    public byte[] suppressionPepper() {
        return secret("suppression-pepper", properties.suppressionPepper());
    }

    private byte[] secret(String name, @Nullable String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        return known.computeIfAbsent(name, this::stored).clone();
    }

    private byte[] stored(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        jdbc.sql("""
                INSERT INTO privacy.installation_secret (name, secret, created_at) VALUES (?, ?, ?)
                ON CONFLICT (name) DO NOTHING""").params(name, fresh, Rows.timestamp(clock.instant())).update();
        return jdbc.sql("SELECT secret FROM privacy.installation_secret WHERE name = ?").param(name)
                .query(byte[].class).single();
    }
}
