package io.throughline.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignedTrackingLinksTests {

    private final TrackingTokens tokens = new TrackingTokens("a secret of thirty-two bytes....".getBytes());

    @Test
    void aTokenSaysWhichDeliveryAndLinkItIsForAndNothingPersonal() {
        UUID delivery = UUID.randomUUID();

        String token = tokens.sign(delivery, TrackingTokens.Kind.CLICK, 3);

        assertThat(token).matches("[A-Za-z0-9_-]{40,60}");
        assertThat(tokens.verify(token)).contains(new TrackingTokens.Token(delivery, TrackingTokens.Kind.CLICK, 3));
    }

    @Test
    void anAlteredOrForeignTokenIsRejected() {
        String token = tokens.sign(UUID.randomUUID(), TrackingTokens.Kind.UNSUBSCRIBE, 0);
        char last = token.charAt(5);
        String altered = token.substring(0, 5) + (last == 'A' ? 'B' : 'A') + token.substring(6);

        assertThat(tokens.verify(altered)).isEmpty();
        assertThat(new TrackingTokens("another secret".getBytes()).verify(token)).isEmpty();
        assertThat(tokens.verify("not-a-token")).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
    }

    @Test
    void webLinksAreRewrittenAndRememberedByPositionAndAnOpenPixelIsAdded() {
        String html = "<html><body><a href=\"https://shop.example/wine?id=1&amp;x=2\">Wine</a>"
                + "<a class='b' href='https://shop.example/wine?id=1&amp;x=2'>again</a>"
                + "<a href=\"mailto:help@shop.example\">mail</a>"
                + "<a href=\"https://t.example/m/u/tok\">unsubscribe</a></body></html>";

        LinkTracking.Tracked tracked = LinkTracking.track(html, position -> "https://t.example/m/c/" + position,
                "https://t.example/m/o/p", "https://t.example/m/u/");

        assertThat(tracked.urls()).containsExactly("https://shop.example/wine?id=1&x=2");
        assertThat(tracked.html()).contains("<a href=\"https://t.example/m/c/0\">Wine</a>")
                .contains("<a class='b' href='https://t.example/m/c/0'>again</a>")
                .contains("href=\"mailto:help@shop.example\"")
                .contains("href=\"https://t.example/m/u/tok\"")
                .contains("<img src=\"https://t.example/m/o/p\" width=\"1\" height=\"1\" alt=\"\"></body>");
        assertThat(List.of(tracked.html().split("shop.example/wine"))).hasSize(1);
    }
}
