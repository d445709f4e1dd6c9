package io.throughline.privacy.internal.registry;

import java.util.Locale;

/** What kind of personal data a column holds. */
public enum Category {
    /** Who the person is: names, ids that single her out (profile ids, user ids, device and anonymous ids). */
    IDENTITY,
    /** How to reach her: email, phone, postal address, a message's recipient. */
    CONTACT,
    /** What she did: events, engagement, journeys, carts. */
    BEHAVIOUR,
    /** Money: payments, card digits, refunds, store credit. */
    FINANCIAL,
    /** Text anyone may have typed, which can hold anything about her. */
    FREE_TEXT,
    /** What she agreed to. */
    CONSENT,
    /** Secrets of a person (staff password hashes). */
    CREDENTIAL;

    static Category parse(String text, String where) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new RegistryException(where + ": unknown category '" + text + "'");
        }
    }
}
