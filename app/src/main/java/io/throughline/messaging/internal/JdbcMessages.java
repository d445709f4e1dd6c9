package io.throughline.messaging.internal;

import io.throughline.customers.CustomerOverview;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.messaging.Message;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.MessagePurpose;
import io.throughline.messaging.Messages;
import io.throughline.messaging.NewMessage;
import io.throughline.messaging.Preview;
import io.throughline.messaging.Variant;
import io.throughline.platform.Ids;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcMessages implements Messages {

    private static final TypeReference<List<Variant>> VARIANTS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> FALLBACKS = new TypeReference<>() {};
    private static final TypeReference<Object> ANY = new TypeReference<>() {};
    private static final String COLUMNS = "id, name, purpose, fallbacks, variants, created_at, updated_at";

    /** Who a preview without a customer is rendered for. */
    static final Map<String, Object> SAMPLE_CUSTOMER = Map.of("givenName", "Anna", "familyName", "Kovács",
            "email", "anna.kovacs@example.com", "phone", "+36301234567");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CustomerProfiles profiles;
    private final Clock clock;

    JdbcMessages(JdbcClient jdbc, JsonMapper json, CustomerProfiles profiles, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.profiles = profiles;
        this.clock = clock;
    }

    @Override
    public Message create(NewMessage message) {
        VariantRules.check(message.variants());
        UUID id = Ids.newId(clock);
        var now = Rows.timestamp(clock.instant());
        jdbc.sql("""
                INSERT INTO messaging.message (id, name, purpose, fallbacks, variants, created_at, updated_at)
                VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")
                .params(id, message.name().strip(), message.purpose().name(), json.writeValueAsString(message.fallbacks()),
                        json.writerFor(VARIANTS).writeValueAsString(message.variants()), now, now)
                .update();
        return get(id);
    }

    @Override
    public Message update(UUID id, NewMessage message) {
        VariantRules.check(message.variants());
        int updated = jdbc.sql("""
                UPDATE messaging.message SET name = ?, purpose = ?, fallbacks = ?::jsonb, variants = ?::jsonb,
                    updated_at = ? WHERE id = ?""")
                .params(message.name().strip(), message.purpose().name(), json.writeValueAsString(message.fallbacks()),
                        json.writerFor(VARIANTS).writeValueAsString(message.variants()),
                        Rows.timestamp(clock.instant()), id)
                .update();
        if (updated == 0) {
            throw new NotFoundException("message", id.toString());
        }
        return get(id);
    }

    @Override
    public Message get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messaging.message WHERE id = ?").param(id).query(this::message).optional()
                .orElseThrow(() -> new NotFoundException("message", id.toString()));
    }

    @Override
    public java.util.Optional<Message> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messaging.message WHERE lower(name) = lower(?) ORDER BY id LIMIT 1")
                .param(name).query(this::message).optional();
    }

    @Override
    public Page<Message> list(PageRequest pageRequest) {
        return new PagedQuery(COLUMNS, "FROM messaging.message", "lower(name), id").read(jdbc, pageRequest,
                this::message);
    }

    @Override
    public List<Preview> preview(UUID messageId, @Nullable MessageChannel channel, @Nullable UUID profileId,
            Map<String, Object> data) {
        Message message = get(messageId);
        Map<String, Object> customer = profileId == null ? SAMPLE_CUSTOMER : customerValues(profiles.get(profileId));
        return rendered(message.variants(), message.fallbacks(), customer, data, channel);
    }

    @Override
    public List<Preview> previewDraft(NewMessage draft) {
        return rendered(draft.variants(), draft.fallbacks(), SAMPLE_CUSTOMER, Map.of(), null);
    }

    private static List<Preview> rendered(List<Variant> variants, Map<String, String> fallbacks,
            Map<String, Object> customer, Map<String, Object> data, @Nullable MessageChannel channel) {
        Map<String, Object> context = TemplateRenderer.context(fallbacks, customer, data);
        return variants.stream()
                .filter(variant -> channel == null || variant.channel() == channel)
                .map(variant -> {
                    Variant rendered = TemplateRenderer.render(variant, context);
                    return new Preview(variant.channel(), variant.key(), rendered,
                            rendered instanceof Variant.Sms sms ? sms.length() : null);
                })
                .toList();
    }

    /** The customer's name, addresses and traits as template variables; traits keep their JSON shape. */
    Map<String, Object> customerValues(CustomerProfile profile) {
        Map<String, Object> values = new HashMap<>();
        // Only her traits: a send reads what its templates may show, not the whole Customer 360 overview.
        for (CustomerOverview.Trait trait : profiles.traits(profile.id())) {
            Object value = json.readValue(trait.value(), ANY);
            if (value != null) {
                values.put(trait.name(), value);
            }
        }
        putIfPresent(values, "givenName", profile.givenName());
        putIfPresent(values, "familyName", profile.familyName());
        putIfPresent(values, "email", profile.email());
        putIfPresent(values, "phone", profile.phone());
        return values;
    }

    private static void putIfPresent(Map<String, Object> values, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value);
        }
    }

    private Message message(ResultSet rs, int row) throws SQLException {
        return new Message(Rows.uuid(rs, "id"), rs.getString("name"),
                Rows.enumOf(rs, "purpose", MessagePurpose.class),
                json.readValue(rs.getString("fallbacks"), FALLBACKS), json.readValue(rs.getString("variants"), VARIANTS),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
