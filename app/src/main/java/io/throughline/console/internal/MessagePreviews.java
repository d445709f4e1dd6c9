package io.throughline.console.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Preview;
import io.throughline.messaging.SmsLength;
import io.throughline.messaging.Variant;
import io.throughline.platform.StaffPermission;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Rendered previews as the console shows them, one card per variant and channel: the email as it will look, in a
 * frame of its own, the SMS with its segments, the push notification and the in-app card as the phone shows them.
 *
 * <p>The email's HTML is served to its frame from here rather than inlined, because an inline frame inherits the
 * console's Content-Security-Policy, which keeps remote images out; the frame's own policy lets images in from
 * anywhere (a newsletter's pictures are remote) and still runs no script, and the frame is sandboxed as well. The
 * HTML is kept a short while in memory under a random name, for the staff member who asked for the preview.
 */
@Controller
@PreAuthorize(StaffPermission.Rules.READ_MESSAGES)
class MessagePreviews {

    static final String FRAME_POLICY = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; "
            + "font-src https: data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    /**
     * One variant rendered for the sample customer.
     *
     * @param frame the path of the email's frame; null for other channels
     * @param sms   the SMS's length and segments; null for other channels
     */
    record Card(MessageChannel channel, String key, Variant rendered, @Nullable String frame, @Nullable SmsLength sms) {

        /** The id the page gives the card: the channel's, and the variant's key after the first. */
        public String id() {
            String channel = channel().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            return Variant.DEFAULT_KEY.equals(key) ? "preview-" + channel : "preview-" + channel + "-" + key;
        }
    }

    private final Cache<String, String> frames = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(30))
            .maximumSize(2_000).build();

    /** The previews as cards, each email's HTML kept for its frame. */
    List<Card> cards(List<Preview> previews) {
        return previews.stream().map(preview -> new Card(preview.channel(), preview.key(), preview.rendered(),
                preview.rendered() instanceof Variant.Email email ? keep(email.html()) : null, preview.sms()))
                .toList();
    }

    private String keep(String html) {
        String name = UUID.randomUUID().toString();
        frames.put(name, html);
        return "/messages/preview-frames/" + name;
    }

    /** An email preview's HTML, with the frame's own policy: remote images shown, scripts never run. */
    @GetMapping("/messages/preview-frames/{name}")
    ResponseEntity<String> frame(@PathVariable String name, HttpServletResponse response) {
        Optional<String> html = Optional.ofNullable(frames.getIfPresent(name));
        // Set before the body is written, so the console's own policy (written only where none is) stays out.
        response.setHeader("Content-Security-Policy", FRAME_POLICY);
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        return html.map(body -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML,
                        java.nio.charset.StandardCharsets.UTF_8)).header("Cache-Control", "no-store").body(body))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
