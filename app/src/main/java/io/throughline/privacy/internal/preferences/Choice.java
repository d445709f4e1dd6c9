package io.throughline.privacy.internal.preferences;

import io.throughline.privacy.Consent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One box of the preference centre: a purpose on a channel, sent by the form as {@code marketing.email}. */
record Choice(Consent.Purpose purpose, Consent.Channel channel) {

    static final Choice EMAIL_MARKETING = new Choice(Consent.Purpose.MARKETING, Consent.Channel.EMAIL);

    /** Every box, purpose by purpose, in the order the page shows them. */
    static List<Choice> all() {
        List<Choice> all = new ArrayList<>();
        for (Consent.Purpose purpose : Consent.Purpose.values()) {
            for (Consent.Channel channel : Consent.Channel.values()) {
                all.add(new Choice(purpose, channel));
            }
        }
        return all;
    }

    String key() {
        return purpose.key() + "." + channel.key();
    }

    /** A box the form sent; anything else (a tampered form) is ignored rather than guessed at. */
    static Optional<Choice> of(String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return Consent.Purpose.of(key.substring(0, dot)).flatMap(purpose -> Consent.Channel.of(key.substring(dot + 1))
                .map(channel -> new Choice(purpose, channel)));
    }
}
