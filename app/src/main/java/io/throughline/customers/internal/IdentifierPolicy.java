package io.throughline.customers.internal;

import io.throughline.events.Identifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which identifiers may join customers together, in what form. Values that many unrelated people send
 * ("null", "anonymous", all zeros) would merge strangers, so they never match; emails and phone numbers
 * are normalised so that each customer has one form of each.
 */
final class IdentifierPolicy {

    /** Stronger identifiers first: when an event names two customers, it belongs to the stronger match. */
    static final List<String> PRIORITY = List.of(Identifier.USER_ID, Identifier.EMAIL, Identifier.PHONE,
            Identifier.LOYALTY_CARD, Identifier.POS_CUSTOMER_ID, Identifier.DEVICE_ID, Identifier.ANONYMOUS_ID);

    private static final Pattern ALL_ZEROS = Pattern.compile("[0\\-]+");
    private static final int MAX_LENGTH = 200;

    private final Set<String> blockedValues;
    private final ContactPolicy contacts;

    IdentifierPolicy(Set<String> blockedValues, ContactPolicy contacts) {
        this.blockedValues = blockedValues.stream().map(value -> value.strip().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.contacts = contacts;
    }

    /** The usable identifiers among those given, normalised, without repeats. */
    List<Identifier> usable(List<Identifier> identifiers) {
        Set<Identifier> usable = new LinkedHashSet<>();
        for (Identifier identifier : identifiers) {
            Identifier normalised = normalise(identifier);
            if (normalised != null) {
                usable.add(normalised);
            }
        }
        return List.copyOf(usable);
    }

    @Nullable Identifier normalise(Identifier identifier) {
        String type = identifier.type().strip().toLowerCase(Locale.ROOT);
        String value = identifier.value().strip();
        if (type.isEmpty() || value.isEmpty() || value.length() > MAX_LENGTH || isBlocked(value)
                || !isWellFormed(type) || !isWellFormed(value)) {
            return null;
        }
        String normalised = switch (type) {
            case Identifier.EMAIL -> value.contains("@") ? contacts.email(value) : null;
            case Identifier.PHONE -> contacts.phoneOrNull(value);
            default -> value;
        };
        return normalised == null ? null : new Identifier(type, normalised);
    }

    /**
     * Whether the text is valid Unicode: a lone surrogate (which a JSON escape can spell) cannot be
     * stored as sent, so such a value would be another value in the database than in memory.
     */
    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    boolean isBlocked(String value) {
        String folded = value.strip().toLowerCase(Locale.ROOT);
        return blockedValues.contains(folded) || ALL_ZEROS.matcher(folded).matches();
    }

    static int priority(String type) {
        int index = PRIORITY.indexOf(type);
        return index < 0 ? PRIORITY.indexOf(Identifier.LOYALTY_CARD) : index;
    }
}
