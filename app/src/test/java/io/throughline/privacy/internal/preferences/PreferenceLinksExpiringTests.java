package io.throughline.privacy.internal.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A preference link works until its expiry, for its own purpose, under its own key, and not a second longer. */
class PreferenceLinksExpiringTests {

    private final LinkTokens tokens = new LinkTokens("a secret of the brand".getBytes(StandardCharsets.UTF_8));
    private final UUID profile = UUID.randomUUID();
    private final Instant expiry = Instant.parse("2027-02-05T10:00:00Z");

    @Test
    void aLinkOpensHerPreferencesUntilItExpires() {
        String token = tokens.sign(new LinkTokens.Token(profile, LinkTokens.Purpose.PREFERENCES, expiry));

        assertThat(tokens.verify(token, LinkTokens.Purpose.PREFERENCES, expiry.minus(Duration.ofSeconds(1))))
                .hasValueSatisfying(found -> assertThat(found.profileId()).isEqualTo(profile));
        assertThat(tokens.verify(token, LinkTokens.Purpose.PREFERENCES, expiry)).isEmpty();
    }

    @Test
    void aPreferencesLinkCannotConfirmAndAnotherKeyCannotSign() {
        String token = tokens.sign(new LinkTokens.Token(profile, LinkTokens.Purpose.PREFERENCES, expiry));
        LinkTokens other = new LinkTokens("another brand".getBytes(StandardCharsets.UTF_8));
        Instant now = expiry.minus(Duration.ofDays(1));

        assertThat(tokens.verify(token, LinkTokens.Purpose.CONFIRM_EMAIL, now)).isEmpty();
        assertThat(other.verify(token, LinkTokens.Purpose.PREFERENCES, now)).isEmpty();
        assertThat(tokens.verify("not-a-token", LinkTokens.Purpose.PREFERENCES, now)).isEmpty();
    }
}
