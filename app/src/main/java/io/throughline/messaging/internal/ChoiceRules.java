package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import java.time.ZoneId;
import java.util.List;

/**
 * The brand's rules for choosing a channel, as set in the messaging settings.
 *
 * @param quietHours        the window and the channels it silences
 * @param quietTransactional whether transactional messages wait for quiet hours to end too
 * @param defaultZone       the zone of a customer who has no {@code timezone} trait
 * @param caps              the marketing frequency caps
 * @param fallbackOrder     the order of channels for a customer with no engagement yet
 * @param controlGroup      the share of customers who get no marketing
 */
record ChoiceRules(QuietHours quietHours, boolean quietTransactional, ZoneId defaultZone, FrequencyCaps caps,
        List<MessageChannel> fallbackOrder, ControlGroup controlGroup) {

    static final List<MessageChannel> DEFAULT_FALLBACK = List.of(MessageChannel.PUSH, MessageChannel.EMAIL,
            MessageChannel.IN_APP, MessageChannel.SMS);

    /** The defaults: 21:00–08:00 for SMS and push, Europe/Budapest, caps of 3 a week, 5 % control group. */
    static ChoiceRules defaults() {
        return new ChoiceRules(QuietHours.defaults(), false, ZoneId.of("Europe/Budapest"), FrequencyCaps.defaults(),
                DEFAULT_FALLBACK, new ControlGroup(5.0));
    }

    ChoiceRules {
        fallbackOrder = List.copyOf(fallbackOrder);
    }
}
