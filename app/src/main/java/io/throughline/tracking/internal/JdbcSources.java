package io.throughline.tracking.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.tracking.ChannelType;
import io.throughline.tracking.IssuedWriteKey;
import io.throughline.tracking.NewSource;
import io.throughline.tracking.Source;
import io.throughline.tracking.SourceTrust;
import io.throughline.tracking.Sources;
import io.throughline.tracking.WriteKeySummary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcSources implements Sources {

    private static final String COLUMNS =
            "id, name, channel, channel_type, events_per_second, enabled, created_at, trust, user_id_secret IS NOT NULL AS signs";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    /**
     * Write key digest to source, so that collection does not read the database per request. Revoking a key
     * empties the cache; on other nodes an entry lives at most a minute.
     */
    private final Cache<String, Optional<AuthenticatedSource>> byKeyDigest = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    JdbcSources(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Source create(NewSource source) {
        UUID id = Ids.newId(clock);
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    INSERT INTO tracking.source (id, name, channel, channel_type, events_per_second, enabled,
                        created_at, trust, updated_at) VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?)""")
                    .params(id, source.name().strip(), source.channel(), source.channelType().name(),
                            source.eventsPerSecondOrDefault(), now, source.trustOrUsual().name(), now)
                    .update();
        } catch (DuplicateKeyException duplicate) {
            throw new ConflictException("channel", "Another source already uses channel " + source.channel());
        }
        return get(id);
    }

    @Override
    public Source get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tracking.source WHERE id = ?").param(id)
                .query(JdbcSources::source).optional().orElseThrow(() -> new NotFoundException("Source", id));
    }

    @Override
    public Optional<Source> findByChannel(String channel) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tracking.source WHERE channel = ?").param(channel)
                .query(JdbcSources::source).optional();
    }

    @Override
    public List<Source> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tracking.source ORDER BY name").query(JdbcSources::source).list();
    }

    @Override
    public Source update(UUID id, @Nullable String name, @Nullable Integer eventsPerSecond,
            @Nullable Boolean enabled) {
        Source current = get(id);
        jdbc.sql("UPDATE tracking.source SET name = ?, events_per_second = ?, enabled = ?, updated_at = ? WHERE id = ?")
                .params(name == null ? current.name() : name.strip(),
                        eventsPerSecond == null ? current.eventsPerSecond() : eventsPerSecond,
                        enabled == null ? current.enabled() : enabled, Timestamp.from(clock.instant()), id)
                .update();
        byKeyDigest.invalidateAll();
        return get(id);
    }

    @Override
    public Source changeTrust(UUID id, SourceTrust trust) {
        get(id);
        jdbc.sql("UPDATE tracking.source SET trust = ?, updated_at = ? WHERE id = ?")
                .params(trust.name(), Timestamp.from(clock.instant()), id).update();
        byKeyDigest.invalidateAll();
        return get(id);
    }

    @Override
    public String issueUserIdSecret(UUID sourceId) {
        get(sourceId);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "uis_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("UPDATE tracking.source SET user_id_secret = ?, updated_at = ? WHERE id = ?")
                .params(secret, Timestamp.from(clock.instant()), sourceId).update();
        byKeyDigest.invalidateAll();
        return secret;
    }

    @Override
    public IssuedWriteKey issueWriteKey(UUID sourceId) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return importWriteKey(sourceId, "wk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    @Transactional
    public IssuedWriteKey importWriteKey(UUID sourceId, String writeKey) {
        get(sourceId);
        if (writeKey.length() < 16 || writeKey.length() > 200 || writeKey.chars().anyMatch(c -> c <= ' ' || c == ':')) {
            throw new InvalidRequestException("writeKey", "must be 16 to 200 characters without spaces or colons");
        }
        UUID id = Ids.newId(clock);
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    INSERT INTO tracking.write_key (id, source_id, key_digest, key_hint, created_at)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(id, sourceId, digest(writeKey), writeKey.substring(writeKey.length() - 4),
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException duplicate) {
            throw new ConflictException("writeKey", "This write key is already in use");
        }
        return new IssuedWriteKey(id, sourceId, writeKey, now);
    }

    @Override
    public List<WriteKeySummary> writeKeys(UUID sourceId) {
        get(sourceId);
        return jdbc.sql("""
                SELECT id, source_id, key_hint, created_at, revoked_at FROM tracking.write_key
                WHERE source_id = ? ORDER BY created_at""").param(sourceId)
                .query((rs, row) -> new WriteKeySummary(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        "…" + rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    @Override
    public void revokeWriteKey(UUID sourceId, UUID writeKeyId) {
        int revoked = jdbc.sql("""
                UPDATE tracking.write_key SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? AND source_id = ?""")
                .params(Timestamp.from(clock.instant()), writeKeyId, sourceId).update();
        if (revoked == 0) {
            throw new NotFoundException("Write key", writeKeyId);
        }
        byKeyDigest.invalidateAll();
    }

    @Override
    public Optional<Source> findByWriteKey(String writeKey) {
        return authenticate(writeKey).map(AuthenticatedSource::source);
    }

    /** A source as collection sees it: with the secret that checks its signed user ids, if it has one. */
    record AuthenticatedSource(Source source, @Nullable String userIdSecret) {}

    /** The enabled source a live write key belongs to. */
    Optional<AuthenticatedSource> authenticate(String writeKey) {
        if (writeKey.isEmpty() || writeKey.length() > 200) {
            return Optional.empty();
        }
        return byKeyDigest.get(digest(writeKey), digest -> jdbc.sql("""
                SELECT s.id, s.name, s.channel, s.channel_type, s.events_per_second, s.enabled, s.created_at,
                    s.trust, s.user_id_secret IS NOT NULL AS signs, s.user_id_secret
                FROM tracking.write_key k JOIN tracking.source s ON s.id = k.source_id
                WHERE k.key_digest = ? AND k.revoked_at IS NULL AND s.enabled""")
                .param(digest).query((rs, row) -> new AuthenticatedSource(source(rs, row),
                        rs.getString("user_id_secret"))).optional());
    }

    private static String digest(String writeKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(writeKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", missing);
        }
    }

    private static Source source(ResultSet rs, int row) throws SQLException {
        return new Source(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("channel"),
                ChannelType.valueOf(rs.getString("channel_type")), rs.getInt("events_per_second"),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
                SourceTrust.valueOf(rs.getString("trust")), rs.getBoolean("signs"));
    }
}
