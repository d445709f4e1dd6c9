package io.throughline.messaging.internal;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The public links in sent messages: open pixel, tracked link, one-click unsubscribe. They carry only a
 * signed token, answer the same for a bad token as for nothing (no probing), and render nothing personal.
 */
@RestController
@RequestMapping("/m")
@Hidden
class PublicLinksController {

    private static final byte[] PIXEL = Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final TrackedLinks links;

    PublicLinksController(TrackedLinks links) {
        this.links = links;
    }

    @GetMapping("/o/{token}")
    ResponseEntity<byte[]> open(@PathVariable String token) {
        links.opened(token);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).cacheControl(CacheControl.noStore()).body(PIXEL);
    }

    @GetMapping("/c/{token}")
    ResponseEntity<String> click(@PathVariable String token) {
        return links.clicked(token)
                .map(url -> ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url))
                        .cacheControl(CacheControl.noStore()).<String>build())
                .orElseGet(() -> page(HttpStatus.NOT_FOUND, "Link not found",
                        "<p>This link is not valid.</p>"));
    }

    /** A confirmation page: mail scanners follow GET links, so only the POST unsubscribes. */
    @GetMapping("/u/{token}")
    ResponseEntity<String> confirmUnsubscribe(@PathVariable String token) {
        if (!links.canUnsubscribe(token)) {
            return page(HttpStatus.NOT_FOUND, "Link not found", "<p>This unsubscribe link is not valid.</p>");
        }
        return page(HttpStatus.OK, "Unsubscribe", "<p>Stop receiving marketing messages on this channel?</p>"
                + "<form method=\"post\" action=\"/m/u/" + HtmlUtils.htmlEscape(token) + "\">"
                + "<button type=\"submit\">Unsubscribe</button></form>");
    }

    /** RFC 8058 one-click unsubscribe: mail clients post {@code List-Unsubscribe=One-Click} here. */
    @PostMapping("/u/{token}")
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        if (!links.unsubscribe(token)) {
            return page(HttpStatus.NOT_FOUND, "Link not found", "<p>This unsubscribe link is not valid.</p>");
        }
        return page(HttpStatus.OK, "Unsubscribed", "<p>You are unsubscribed. You will receive no more marketing "
                + "messages on this channel.</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML,
                java.nio.charset.StandardCharsets.UTF_8)).cacheControl(CacheControl.noStore())
                .body("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
                        + "<h1>" + title + "</h1>" + body + "</body></html>");
    }
}
