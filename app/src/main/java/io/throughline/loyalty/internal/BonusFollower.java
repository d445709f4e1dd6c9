package io.throughline.loyalty.internal;

import io.throughline.events.EventNames;
import io.throughline.events.EventProcessor;
import io.throughline.events.EventType;
import io.throughline.events.LoggedEvent;
import io.throughline.loyalty.Bonus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the log for the moments the programme rewards: "Signed Up" and "Product Reviewed" (once per product).
 * The bonus's reference makes an event read again after a crash earn nothing twice.
 */
@Component
class BonusFollower implements EventProcessor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Bonuses bonuses;

    BonusFollower(Bonuses bonuses) {
        this.bonuses = bonuses;
    }

    @Override
    public String name() {
        return "loyalty.bonuses";
    }

    @Override
    public Set<EventType> types() {
        return EnumSet.of(EventType.TRACK);
    }

    @Override
    public Set<String> names() {
        return Set.of(EventNames.SIGNED_UP, EventNames.PRODUCT_REVIEWED);
    }

    @Override
    public boolean readsPlatformEvents() {
        return false;
    }

    @Override
    public void process(List<LoggedEvent> events) {
        for (LoggedEvent event : events) {
            if (EventNames.SIGNED_UP.equals(event.name())) {
                bonuses.grant(Bonus.Kind.SIGN_UP, event.profileId(), "", event.channel(), event.occurredAt(), 0);
            } else if (EventNames.PRODUCT_REVIEWED.equals(event.name())) {
                JsonNode properties = JSON.readTree(event.payload()).path("properties");
                String product = properties.path("product_id").asString("");
                if (!product.isBlank() && product.length() <= 100) {
                    bonuses.grant(Bonus.Kind.REVIEW, event.profileId(), product, event.channel(),
                            event.occurredAt(), 0);
                }
            }
        }
    }
}
