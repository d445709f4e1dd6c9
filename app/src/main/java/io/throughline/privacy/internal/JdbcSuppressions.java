package io.throughline.privacy.internal;

import io.throughline.platform.Rows;
import io.throughline.privacy.Suppressions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The suppression list in {@code privacy.suppression}, mirrored in memory so that identity resolution pays nothing
 * while it is empty and one hash per unknown identifier otherwise. Other nodes pick up a new erasure within a
 * minute (the list is read again every minute); the node that erased knows it at its commit.
 */
@Service
public class JdbcSuppressions implements Suppressions {

    /** An identifier to suppress, as identity resolution stores it. */
    public record Suppressed(String type, String value) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final InstallationSecrets secrets;
    private final Set<String> digests = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    JdbcSuppressions(JdbcClient jdbc, Clock clock, InstallationSecrets secrets) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.secrets = secrets;
    }

    @Override
    public boolean isSuppressed(String type, String value) {
        if (!loaded) {
            reload();
        }
        return !digests.isEmpty() && digests.contains(digest(type, value));
    }

    @Override
    public boolean lift(String type, String value) {
        String digest = digest(type, value);
        boolean lifted = jdbc.sql("DELETE FROM privacy.suppression WHERE digest = ?").param(digest).update() > 0;
        digests.remove(digest);
        return lifted;
    }

    /** Puts identifiers on the list in the caller's transaction; memory learns them when it commits. */
    public void suppress(Collection<Suppressed> identifiers, UUID erasureId) {
        if (identifiers.isEmpty()) {
            return;
        }
        List<String> added = identifiers.stream().map(i -> digest(i.type(), i.value())).toList();
        jdbc.sql("""
                INSERT INTO privacy.suppression (digest, type, erasure_id, suppressed_at)
                SELECT d, t, ?, ? FROM unnest(?::text[], ?::text[]) AS s(d, t)
                ON CONFLICT (digest) DO NOTHING""")
                .params(erasureId, Rows.timestamp(clock.instant()), added.toArray(String[]::new),
                        identifiers.stream().map(Suppressed::type).toArray(String[]::new))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    digests.addAll(added);
                }
            });
        } else {
            digests.addAll(added);
        }
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void reload() {
        List<String> stored = jdbc.sql("SELECT digest FROM privacy.suppression").query(String.class).list();
        digests.retainAll(Set.copyOf(stored));
        digests.addAll(stored);
        loaded = true;
    }

    private String digest(String type, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(secrets.suppressionPepper());
            sha.update(type.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
