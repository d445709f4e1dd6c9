package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import io.throughline.platform.InvalidRequestException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The channel-choice settings among the messaging settings: their names, built-in values, checks, and the
 * {@link ChoiceRules} they make. A blank quiet-hours channel list means no quiet hours, a blank per-channel
 * cap means no cap of its own; any other blank setting goes back to its configured or built-in value.
 */
final class ChoiceSettings {

    static final String QUIET_START = "quiet-hours-start";
    static final String QUIET_END = "quiet-hours-end";
    static final String QUIET_CHANNELS = "quiet-hours-channels";
    static final String QUIET_TRANSACTIONAL = "quiet-hours-transactional";
    static final String DEFAULT_ZONE = "default-time-zone";
    static final String CAP_TOTAL = "frequency-cap-total";
    static final String CAP_PREFIX = "frequency-cap-";
    static final String FALLBACK_ORDER = "fallback-order";
    static final String CONTROL_GROUP = "control-group-percent";

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final List<MessageChannel> CAPPED = ChoiceRules.DEFAULT_FALLBACK;
    private static final Map<String, String> BUILT_IN = Collections.unmodifiableMap(defaults());

    private ChoiceSettings() {}

    /** Each setting's built-in value, in the order an administrator reads them. */
    static Map<String, String> builtIn() {
        return BUILT_IN;
    }

    private static Map<String, String> defaults() {
        ChoiceRules defaults = ChoiceRules.defaults();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(QUIET_START, HH_MM.format(defaults.quietHours().start()));
        values.put(QUIET_END, HH_MM.format(defaults.quietHours().end()));
        values.put(QUIET_CHANNELS, keys(CAPPED.stream().filter(defaults.quietHours().channels()::contains)
                .toList()));
        values.put(QUIET_TRANSACTIONAL, String.valueOf(defaults.quietTransactional()));
        values.put(DEFAULT_ZONE, defaults.defaultZone().getId());
        values.put(CAP_TOTAL, String.valueOf(defaults.caps().total()));
        defaults.caps().perChannel().forEach((channel, cap) -> values.put(capName(channel), String.valueOf(cap)));
        values.put(FALLBACK_ORDER, keys(defaults.fallbackOrder()));
        values.put(CONTROL_GROUP, String.valueOf(defaults.controlGroup().percent()));
        return values;
    }

    static String capName(MessageChannel channel) {
        return CAP_PREFIX + channel.key().replace('_', '-');
    }

    /** The rules the settings in force make; the values were checked when they were set. */
    static ChoiceRules rules(Function<String, String> values) {
        ChoiceRules defaults = ChoiceRules.defaults();
        Function<String, String> orBuiltIn = name -> {
            String value = values.apply(name);
            return value == null ? builtIn().get(name) : value;
        };
        String quietChannels = values.apply(QUIET_CHANNELS);
        QuietHours quiet = new QuietHours(LocalTime.parse(orBuiltIn.apply(QUIET_START), HH_MM),
                LocalTime.parse(orBuiltIn.apply(QUIET_END), HH_MM),
                quietChannels == null ? java.util.Set.of() : java.util.Set.copyOf(channels(QUIET_CHANNELS,
                        quietChannels)));
        Map<MessageChannel, Integer> perChannel = new EnumMap<>(MessageChannel.class);
        for (MessageChannel channel : CAPPED) {
            String cap = values.apply(capName(channel));
            if (cap != null) {
                perChannel.put(channel, Integer.parseInt(cap.strip()));
            }
        }
        return new ChoiceRules(quiet, Boolean.parseBoolean(orBuiltIn.apply(QUIET_TRANSACTIONAL).strip()),
                ZoneId.of(orBuiltIn.apply(DEFAULT_ZONE).strip()),
                new FrequencyCaps(Integer.parseInt(orBuiltIn.apply(CAP_TOTAL).strip()), perChannel),
                channels(FALLBACK_ORDER, orBuiltIn.apply(FALLBACK_ORDER)),
                new ControlGroup(Double.parseDouble(orBuiltIn.apply(CONTROL_GROUP).strip())));
    }

    /** Whether blanking the setting brings its configured or built-in value back rather than turning it off. */
    static boolean blankMeansBuiltIn(String name) {
        return owns(name) && !name.equals(QUIET_CHANNELS) && !(name.startsWith(CAP_PREFIX) && !name.equals(CAP_TOTAL));
    }

    /** Whether the name is a channel-choice setting. */
    static boolean owns(String name) {
        return builtIn().containsKey(name);
    }

    /** Throws naming the setting when a non-blank value makes no sense. */
    static void check(String name, String value) {
        String stripped = value.strip();
        switch (name) {
            case QUIET_START, QUIET_END -> {
                try {
                    LocalTime.parse(stripped, HH_MM);
                } catch (DateTimeParseException notATime) {
                    throw new InvalidRequestException(name, "must be a time of day as HH:mm, e.g. 21:00");
                }
            }
            case QUIET_CHANNELS -> channels(name, stripped);
            case FALLBACK_ORDER -> {
                List<MessageChannel> order = channels(name, stripped);
                if (order.contains(MessageChannel.TASK)) {
                    throw new InvalidRequestException(name, "cannot hold task: a task needs a shop named for it");
                }
            }
            case QUIET_TRANSACTIONAL -> {
                if (!stripped.equals("true") && !stripped.equals("false")) {
                    throw new InvalidRequestException(name, "must be true or false");
                }
            }
            case DEFAULT_ZONE -> {
                try {
                    ZoneId.of(stripped);
                } catch (DateTimeException unknown) {
                    throw new InvalidRequestException(name, "must be a time zone such as Europe/Budapest");
                }
            }
            case CONTROL_GROUP -> {
                try {
                    double percent = Double.parseDouble(stripped);
                    if (!(percent >= 0 && percent <= 50)) {
                        throw new InvalidRequestException(name, "must be a percentage from 0 to 50");
                    }
                } catch (NumberFormatException notANumber) {
                    throw new InvalidRequestException(name, "must be a percentage from 0 to 50");
                }
            }
            default -> {
                try {
                    int cap = Integer.parseInt(stripped);
                    if (cap < 0 || cap > 1000) {
                        throw new InvalidRequestException(name, "must be a whole number from 0 to 1000");
                    }
                } catch (NumberFormatException notANumber) {
                    throw new InvalidRequestException(name, "must be a whole number from 0 to 1000");
                }
            }
        }
    }

    private static List<MessageChannel> channels(String name, String value) {
        List<MessageChannel> channels = new ArrayList<>();
        for (String key : value.split(",")) {
            MessageChannel channel = MessageChannel.of(key.strip()).orElseThrow(() -> new InvalidRequestException(
                    name, "must list channels separated by commas, of " + keys(Arrays.asList(MessageChannel.values()))));
            if (channels.contains(channel)) {
                throw new InvalidRequestException(name, "names " + channel.key() + " twice");
            }
            channels.add(channel);
        }
        return channels;
    }

    private static String keys(List<MessageChannel> channels) {
        return String.join(",", channels.stream().map(MessageChannel::key).toList());
    }
}
