package io.throughline.privacy.internal;

import io.throughline.platform.Rows;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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

    private final TransactionTemplate ownTransaction;

    InstallationSecrets(JdbcClient jdbc, Clock clock, PrivacyProperties properties,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // A secret is first needed inside some other transaction (an erasure, the log writer's batch); if that
        // one rolled back after memory had kept the secret, the next start would make another, and receipts and
        // digests made meanwhile would no longer match. So it is stored in a transaction of its own.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        return java.util.Objects.requireNonNull(ownTransaction.execute(status -> storedInTransaction(name)));
    }

    private byte[] storedInTransaction(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        jdbc.sql("""
                INSERT INTO privacy.installation_secret (name, secret, created_at) VALUES (?, ?, ?)
                ON CONFLICT (name) DO NOTHING""").params(name, fresh, Rows.timestamp(clock.instant())).update();
        return jdbc.sql("SELECT secret FROM privacy.installation_secret WHERE name = ?").param(name)
                .query(byte[].class).single();
    }
}
