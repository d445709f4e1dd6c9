package io.throughline.messaging.internal;

import io.throughline.events.EventLog;
import io.throughline.events.EventToAppend;
import io.throughline.events.EventType;
import io.throughline.events.LogOverloadedException;
import io.throughline.events.LoggedEvent;
import io.throughline.messaging.Delivery;
import io.throughline.messaging.MessageEvents;
import io.throughline.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Appends a delivery's events to the customer's log as the platform's own track events. */
@Component
class MessagingEvents {

    private static final Logger log = LoggerFactory.getLogger(MessagingEvents.class);

    private final EventLog eventLog;
    private final JsonMapper json;
    private final Clock clock;

    MessagingEvents(EventLog eventLog, JsonMapper json, Clock clock) {
        this.eventLog = eventLog;
        this.json = json;
        this.clock = clock;
    }

    void append(Delivery delivery, String messageName, List<String> events, Map<String, String> extra) {
        Instant now = clock.instant();
        List<EventToAppend> toAppend = events.stream().map(event -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("deliveryId", delivery.id().toString());
            properties.put("messageId", delivery.messageId().toString());
            properties.put("messageName", messageName);
            properties.put("channel", delivery.channel().key());
            properties.put("variant", delivery.variantKey());
            properties.put("purpose", delivery.purpose().key());
            properties.putAll(extra);
            String payload = json.writeValueAsString(Map.of("type", "track", "event", event,
                    "properties", properties));
            return new EventToAppend(LoggedEvent.PLATFORM_SOURCE, MessageEvents.CHANNEL, Ids.newId(clock).toString(),
                    EventType.TRACK, event, now, now, List.of(), delivery.profileId(), payload);
        }).toList();
        try {
            eventLog.append(toAppend).whenComplete((outcomes, failure) -> {
                if (failure != null) {
                    log.warn("Events {} of delivery {} were not logged: {}", events, delivery.id(),
                            failure.getClass().getSimpleName());
                }
            });
        } catch (LogOverloadedException busy) {
            // The delivery itself is recorded; only its note in the customer's timeline is lost.
            log.warn("The log was busy; events {} of delivery {} were not logged", events, delivery.id());
        }
    }
}
