package io.throughline.privacy.internal;

import io.throughline.events.EventProcessor;
import io.throughline.events.EventType;
import io.throughline.events.LoggedEvent;
import io.throughline.privacy.Consent;
import io.throughline.privacy.Consents;
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
 * are newer; the merged profile keeps its own rows, which it has again after an unmerge. The survivor's
 * copies are not taken back by an unmerge yet.
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

    @Override
    public String name() {
        return "privacy.consent";
    }

    @Override
    public Set<EventType> types() {
        return EnumSet.of(EventType.IDENTIFY);
    }

    @Override
    public void process(List<LoggedEvent> events) {
        for (LoggedEvent event : events) {
            if (event.type() == EventType.IDENTIFY) {
                recordStatements(event);
            } else if (event.fromPlatform() && "Profiles Merged".equals(event.name())) {
                JsonNode properties = json.readTree(event.payload()).path("properties");
                copyToSurvivor(UUID.fromString(properties.path("merged").asString()),
                        UUID.fromString(properties.path("survivor").asString()));
            }
        }
    }

    private void recordStatements(LoggedEvent event) {
        JsonNode consent = json.readTree(event.payload()).path("traits").path("consent");
        if (!consent.isObject()) {
            return;
        }
        for (var purpose : consent.properties()) {
            var knownPurpose = Consent.Purpose.of(purpose.getKey());
            if (knownPurpose.isEmpty() || !purpose.getValue().isObject()) {
                continue;
            }
            for (var channel : purpose.getValue().properties()) {
                var knownChannel = Consent.Channel.of(channel.getKey());
                if (knownChannel.isPresent() && channel.getValue().isBoolean()) {
                    consents.record(event.profileId(), new Consent(knownPurpose.get(), knownChannel.get(),
                            channel.getValue().asBoolean(), "identify:" + event.channel(), event.occurredAt()));
                }
            }
        }
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
