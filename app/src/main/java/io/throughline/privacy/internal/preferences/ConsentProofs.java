package io.throughline.privacy.internal.preferences;

import io.throughline.platform.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The proofs of consent changes and the email consents waiting for confirmation. */
@Repository
class ConsentProofs {

    /** What a customer's change did. */
    enum Change {
        GRANTED, WITHDRAWN, CONFIRMATION_REQUESTED
    }

    /** One proof, as the API shows it. */
    record Proof(String purpose, String channel, Change change, String wordingVersion, String language,
            String source, Instant recordedAt) {}

    private final JdbcClient jdbc;

    ConsentProofs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID profileId, Choice choice, Change change, String wordingVersion, String language, String source,
            Instant at) {
        jdbc.sql("""
                INSERT INTO privacy.consent_proof (profile_id, purpose, channel, change, wording_version, language,
                                                   source, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(profileId, choice.purpose().key(), choice.channel().key(), change.name(), wordingVersion,
                        language, source, Rows.timestamp(at))
                .update();
    }

    List<Proof> of(UUID profileId) {
        return jdbc.sql("""
                SELECT purpose, channel, change, wording_version, language, source, recorded_at
                FROM privacy.consent_proof WHERE profile_id = ? ORDER BY recorded_at, id""").param(profileId)
                .query((rs, row) -> new Proof(rs.getString("purpose"), rs.getString("channel"),
                        Rows.enumOf(rs, "change", Change.class), rs.getString("wording_version"),
                        rs.getString("language"), rs.getString("source"), Rows.instant(rs, "recorded_at")))
                .list();
    }

    /** Marks the choice as waiting for confirmation; false when it already was. */
    boolean awaitConfirmation(UUID profileId, Choice choice, Instant at) {
        return jdbc.sql("""
                INSERT INTO privacy.consent_pending (profile_id, purpose, channel, requested_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(profileId, choice.purpose().key(), choice.channel().key(), Rows.timestamp(at)).update() == 1;
    }

    /** Takes the choice off the waiting list; true when it was waiting. */
    boolean takePending(UUID profileId, Choice choice) {
        return jdbc.sql("DELETE FROM privacy.consent_pending WHERE profile_id = ? AND purpose = ? AND channel = ?")
                .params(profileId, choice.purpose().key(), choice.channel().key()).update() == 1;
    }

    Set<Choice> pending(UUID profileId) {
        return Set.copyOf(jdbc.sql("SELECT purpose, channel FROM privacy.consent_pending WHERE profile_id = ?")
                .param(profileId)
                .query((rs, row) -> Choice.of(rs.getString("purpose") + "." + rs.getString("channel")).orElseThrow())
                .list());
    }

    boolean doubleOptIn() {
        return jdbc.sql("SELECT email_double_opt_in FROM privacy.settings WHERE id = 1").query(Boolean.class).single();
    }

    void doubleOptIn(boolean on) {
        jdbc.sql("UPDATE privacy.settings SET email_double_opt_in = ? WHERE id = 1").param(on).update();
    }
}
