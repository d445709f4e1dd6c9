package io.throughline.loyalty.internal;

import io.throughline.events.EventProcessor;
import io.throughline.events.EventType;
import io.throughline.events.LoggedEvent;
import io.throughline.loyalty.Bonus;
import io.throughline.platform.Ids;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows identify calls for what the programme rewards in a profile: marketing consent given on any medium (the
 * consent bonus, once), and her {@code birthday} trait, kept as month and day for her birthday gift. As for
 * consent itself, a client-side source (whose write key anyone can read) is not believed.
 */
@Component
class ProfileFollower implements EventProcessor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Bonuses bonuses;
    private final ProgrammeStore programmes;
    private final LedgerStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProfileFollower(Bonuses bonuses, ProgrammeStore programmes, LedgerStore store, JdbcClient jdbc, Clock clock) {
        this.bonuses = bonuses;
        this.programmes = programmes;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "loyalty.profiles";
    }

    @Override
    public Set<EventType> types() {
        return EnumSet.of(EventType.IDENTIFY);
    }

    @Override
    public boolean readsPlatformEvents() {
        return false;
    }

    @Override
    public void process(List<LoggedEvent> events) {
        if (programmes.current().isEmpty()) {
            return;
        }
        for (LoggedEvent event : events) {
            JsonNode payload = JSON.readTree(event.payload());
            if ("client".equals(payload.path("sourceTrust").asString(""))) {
                continue;
            }
            JsonNode traits = payload.path("traits");
            if (marketingGiven(traits.path("consent").path("marketing"))) {
                bonuses.grant(Bonus.Kind.CONSENT_GIVEN, event.profileId(), "", event.channel(), event.occurredAt(),
                        0);
            }
            String birthday = traits.path("birthday").asString("");
            if (!birthday.isBlank()) {
                remember(event, birthday);
            }
        }
    }

    private static boolean marketingGiven(JsonNode marketing) {
        if (!marketing.isObject()) {
            return false;
        }
        for (var medium : marketing.properties()) {
            if (medium.getValue().isBoolean() && medium.getValue().asBoolean()) {
                return true;
            }
        }
        return false;
    }

    /** Month and day of an ISO date (a time after it is ignored); what does not parse is left out. */
    private void remember(LoggedEvent event, String birthday) {
        LocalDate date;
        try {
            date = LocalDate.parse(birthday.length() > 10 ? birthday.substring(0, 10) : birthday);
        } catch (DateTimeParseException notADate) {
            return;
        }
        var account = store.accountFor(event.profileId(), Ids.newId(clock), clock.instant());
        jdbc.sql("UPDATE loyalty.account SET birthday = ? WHERE id = ?")
                .params(String.format("%02d-%02d", date.getMonthValue(), date.getDayOfMonth()), account).update();
    }
}
