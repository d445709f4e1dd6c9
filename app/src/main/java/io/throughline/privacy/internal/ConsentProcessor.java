package io.throughline.privacy.internal;

import io.throughline.events.EventProcessor;
import io.throughline.events.EventType;
import io.throughline.events.LoggedEvent;
import io.throughline.events.ProfileMergeEvent;
import io.throughline.privacy.Consent;
import io.throughline.privacy.Consents;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the log for consent. An identify call states consent in its traits as
 * {@code "consent": {"marketing": {"email": true, "sms": false}, …}}; the latest statement per purpose and
 * channel holds. When two profiles merge, the survivor takes the merged profile's statements where they
 * are newer; the merged profile keeps its own rows. An unmerge takes the copies back
 * ({@link io.throughline.privacy.Consents#splitAfterUnmerge}).
 */
@Component
class ConsentProcessor implements EventProcessor {

    private final Consents consents;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ConsentProcessor(Consents consents, JdbcClient jdbc, JsonMapper json) {
        this.consents = consents;
        this.jdbc = jdbc;
        this.json = json;
    }

    static final String NAME = "privacy.consent";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> types() {
        return EnumSet.of(EventType.IDENTIFY);
    }

    @Override
    public void process(List<LoggedEvent> events) {
        lock(jdbc);
        for (LoggedEvent event : events) {
            if (event.type() == EventType.IDENTIFY) {
                statementsOf(event, json).forEach(consent -> consents.record(event.profileId(), consent));
            } else if (ProfileMergeEvent.in(event).orElse(null) instanceof ProfileMergeEvent.Merged merge) {
                copyToSurvivor(merge.merged(), merge.survivor());
            }
        }
    }

    /** Serialises this processor's batches with an unmerge's split, so that they never interleave. */
    static void lock(JdbcClient jdbc) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(NAME).query().singleRow();
    }

    /**
     * What an identify call states in {@code traits.consent}; unknown purposes and channels are ignored. A client-side
     * source (a browser or an app, whose write key anyone can read) states none: consent given there reaches the
     * platform through the brand's server or the preference centre.
     */
    static List<Consent> statementsOf(LoggedEvent event, JsonMapper json) {
        JsonNode payload = json.readTree(event.payload());
        JsonNode consent = payload.path("traits").path("consent");
        if (!consent.isObject() || "client".equals(payload.path("sourceTrust").asString(""))) {
            return List.of();
        }
        List<Consent> statements = new ArrayList<>();
        for (var purpose : consent.properties()) {
            var knownPurpose = Consent.Purpose.of(purpose.getKey());
            if (knownPurpose.isEmpty() || !purpose.getValue().isObject()) {
                continue;
            }
            for (var channel : purpose.getValue().properties()) {
                var knownChannel = Consent.Channel.of(channel.getKey());
                if (knownChannel.isPresent() && channel.getValue().isBoolean()) {
                    statements.add(new Consent(knownPurpose.get(), knownChannel.get(),
                            channel.getValue().asBoolean(), "identify:" + event.channel(), event.occurredAt()));
                }
            }
        }
        return statements;
    }

    private void copyToSurvivor(UUID merged, UUID survivor) {
        jdbc.sql("""
                INSERT INTO privacy.consent (profile_id, purpose, channel, granted, source, recorded_at)
                SELECT ?, purpose, channel, granted, source, recorded_at FROM privacy.consent WHERE profile_id = ?
                ON CONFLICT (profile_id, purpose, channel) DO UPDATE
                SET granted = excluded.granted, source = excluded.source, recorded_at = excluded.recorded_at
                WHERE excluded.recorded_at > privacy.consent.recorded_at""").params(survivor, merged).update();
    }
}
