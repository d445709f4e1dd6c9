package io.throughline.privacy.internal;

import io.throughline.privacy.Consent;
import io.throughline.privacy.Consents;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcConsents implements Consents {

    private final JdbcClient jdbc;

    JdbcConsents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Consent> of(UUID profileId) {
        return jdbc.sql("""
                SELECT purpose, channel, granted, source, recorded_at FROM privacy.consent
                WHERE profile_id = ? ORDER BY purpose, channel""").param(profileId)
                .query((rs, row) -> new Consent(Consent.Purpose.of(rs.getString(1)).orElseThrow(),
                        Consent.Channel.of(rs.getString(2)).orElseThrow(), rs.getBoolean(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    @Override
    public void record(UUID profileId, Consent consent) {
        jdbc.sql("""
                INSERT INTO privacy.consent (profile_id, purpose, channel, granted, source, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (profile_id, purpose, channel) DO UPDATE
                SET granted = excluded.granted, source = excluded.source, recorded_at = excluded.recorded_at
                WHERE excluded.recorded_at >= privacy.consent.recorded_at""")
                .params(profileId, consent.purpose().key(), consent.channel().key(), consent.granted(),
                        consent.source(), Timestamp.from(consent.recordedAt()))
                .update();
    }
}
