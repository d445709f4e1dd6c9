package io.throughline.messaging.internal;

import io.throughline.events.CustomerEvent;
import io.throughline.events.EventLog;
import io.throughline.events.EventToAppend;
import io.throughline.events.LogOverloadedException;
import io.throughline.events.LoggedEvent;
import io.throughline.messaging.Delivery;
import io.throughline.platform.Channel;
import io.throughline.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Appends a delivery's events to the customer's log as the platform's own track events. */
@Component
class MessagingEvents {

    private static final Logger log = LoggerFactory.getLogger(MessagingEvents.class);
    /** The platform's own channel for messaging's events: they are written by no source's client. */
    private static final Channel CHANNEL = new Channel(MessageEvents.CHANNEL, LoggedEvent.PLATFORM_SOURCE);

    private final EventLog eventLog;
    private final Clock clock;

    MessagingEvents(EventLog eventLog, Clock clock) {
        this.eventLog = eventLog;
        this.clock = clock;
    }

    void append(Delivery delivery, String messageName, List<String> events, Map<String, String> extra) {
        Instant now = clock.instant();
        List<EventToAppend> toAppend = events.stream().map(event -> {
            CustomerEvent built = CustomerEvent.track(event, CHANNEL, now).about(delivery.profileId(), null)
                    .property("deliveryId", delivery.id())
                    .property("messageId", delivery.messageId())
                    .property("messageName", messageName)
                    .property("channel", delivery.channel().key())
                    .property("variant", delivery.variantKey())
                    .property("purpose", delivery.purpose().key());
            extra.forEach(built::property);
            return built.toAppend(Ids.newId(clock).toString(), now);
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
