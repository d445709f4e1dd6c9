package io.throughline.privacy;

import java.util.UUID;

/**
 * The customer's own way to her consent: a signed, expiring link to the preference centre that any message can
 * carry, and the wording of the mail that asks her to confirm email consent (double opt-in).
 */
public interface PreferenceLinks {

    /** The path of her preference centre, e.g. {@code /m/preferences/…}; the caller puts its public base before it. */
    String preferencesPath(UUID profileId);

    /** The confirmation mail in the language she used, with the link she must follow. */
    ConfirmationMail confirmationMail(String languageTag, String confirmUrl);

    record ConfirmationMail(String subject, String text, String html) {}
}
