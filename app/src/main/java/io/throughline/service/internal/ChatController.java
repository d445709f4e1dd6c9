package io.throughline.service.internal;

import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.events.Identifier;
import io.throughline.platform.Channel;
import io.throughline.platform.Problems;
import io.throughline.service.ConversationMessage;
import io.throughline.service.Direction;
import io.throughline.service.Inbound;
import io.throughline.service.Medium;
import io.throughline.service.MessageKind;
import io.throughline.tracking.Source;
import io.throughline.tracking.Sources;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;

/**
 * The web chat widget's side of the platform: the script a brand's page embeds, the visitor's session (a token
 * signed for her anonymous id), her messages in, her conversation's messages out (notes and calls never), and a
 * stream that tells the widget when an agent answered. Authenticated by the source's write key; any origin may
 * call it, as collection may, because the widget runs on the brand's own pages.
 */
@RestController
@CrossOrigin(origins = "*", allowedHeaders = "Content-Type", methods = {
        org.springframework.web.bind.annotation.RequestMethod.GET,
        org.springframework.web.bind.annotation.RequestMethod.POST})
class ChatController {

    record SessionRequest(@NotBlank @Size(max = 200) String writeKey, @NotBlank @Size(max = 200) String anonymousId) {}

    record SessionStarted(String token, List<ChatLine> messages) {}

    record ChatMessage(@NotBlank @Size(max = 200) String writeKey, @NotBlank @Size(max = 200) String anonymousId,
            @NotBlank @Size(max = 200) String token, @NotBlank @Size(max = 100) String clientId,
            @NotBlank @Size(max = 4000) String text) {}

    /** A line of the chat as the visitor sees it: hers or the brand's. */
    record ChatLine(UUID id, boolean mine, String text, Instant at) {}

    private final Sources sources;
    private final ChatVisitors visitors;
    private final ServiceInbox inbox;
    private final InboxSignals signals;
    private final ConversationStore conversations;
    private final CustomerProfiles profiles;
    private final Clock clock;

    ChatController(Sources sources, ChatVisitors visitors, ServiceInbox inbox, InboxSignals signals,
            ConversationStore conversations, CustomerProfiles profiles, Clock clock) {
        this.sources = sources;
        this.visitors = visitors;
        this.inbox = inbox;
        this.signals = signals;
        this.conversations = conversations;
        this.profiles = profiles;
        this.clock = clock;
    }

    @GetMapping(path = "/m/chat/widget.js", produces = "text/javascript")
    ResponseEntity<String> script() throws IOException {
        try (InputStream in = new ClassPathResource("chat/widget.js").getInputStream()) {
            return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                    .contentType(MediaType.parseMediaType("text/javascript; charset=UTF-8"))
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A page with nothing but the widget, for trying a source's chat (and for the demo web page). */
    @GetMapping(path = "/m/chat/demo", produces = MediaType.TEXT_HTML_VALUE)
    String demoPage(@RequestParam String key) {
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tokaj Cellars</title></head>
                <body><h1>Tokaj Cellars</h1><p>Questions about your order? Chat with us.</p>
                <script src="/m/chat/widget.js" data-write-key="%s"></script></body></html>"""
                .formatted(HtmlUtils.htmlEscape(key));
    }

    @PostMapping("/m/chat/session")
    ResponseEntity<?> session(@Valid @RequestBody SessionRequest request) {
        Optional<Source> source = sources.findByWriteKey(request.writeKey());
        if (source.isEmpty()) {
            return unauthorized();
        }
        return ResponseEntity.ok(new SessionStarted(visitors.tokenFor(source.get().id(), request.anonymousId()),
                lines(request.anonymousId())));
    }

    @PostMapping("/m/chat/messages")
    ResponseEntity<?> send(@Valid @RequestBody ChatMessage request) {
        Optional<Source> source = admitted(request.writeKey(), request.anonymousId(), request.token());
        if (source.isEmpty()) {
            return unauthorized();
        }
        var received = inbox.receive(new Inbound(Medium.CHAT,
                new Channel(source.get().channel(), source.get().id()),
                List.of(new Identifier(Identifier.ANONYMOUS_ID, request.anonymousId())),
                "chat:" + source.get().id() + ":" + request.anonymousId() + ":" + request.clientId(),
                request.text().strip(), null, null, null, clock.instant()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(InboundEmailController.outcome(received));
    }

    @GetMapping("/m/chat/messages")
    ResponseEntity<?> messages(@RequestParam String key, @RequestParam String anonymousId,
            @RequestParam String token) {
        if (admitted(key, anonymousId, token).isEmpty()) {
            return unauthorized();
        }
        return ResponseEntity.ok(lines(anonymousId));
    }

    /** Tells the widget, with a bare "changed", when her conversation moved; the widget reads the messages. */
    @GetMapping(path = "/m/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<?> stream(@RequestParam String key, @RequestParam String anonymousId,
            @RequestParam String token) throws IOException {
        if (admitted(key, anonymousId, token).isEmpty()) {
            return unauthorized();
        }
        SseEmitter emitter = new SseEmitter(30L * 60 * 1000);
        AtomicReference<UUID> profile = new AtomicReference<>(profileOf(anonymousId).orElse(null));
        Runnable stop = signals.followAll(conversationId -> {
            UUID known = profile.get();
            if (known == null) {
                known = profileOf(anonymousId).orElse(null);
                profile.set(known);
            }
            UUID hers = known;
            if (hers != null && conversations.find(conversationId)
                    .filter(conversation -> conversation.profileId().equals(hers)).isPresent()) {
                try {
                    emitter.send(SseEmitter.event().name("changed").data(conversationId.toString()));
                } catch (IOException | IllegalStateException gone) {
                    emitter.complete();
                }
            }
        });
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(failure -> stop.run());
        emitter.send(SseEmitter.event().name("ready").data("ok"));
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(emitter);
    }

    private Optional<Source> admitted(String writeKey, String anonymousId, String token) {
        return sources.findByWriteKey(writeKey)
                .filter(source -> visitors.valid(source.id(), anonymousId, token));
    }

    private Optional<UUID> profileOf(String anonymousId) {
        return profiles.findByIdentity(Identifier.ANONYMOUS_ID, anonymousId).map(CustomerProfile::id);
    }

    /** Her live case's messages to and from her; a visitor without one sees none. */
    private List<ChatLine> lines(String anonymousId) {
        return profileOf(anonymousId).flatMap(conversations::liveCaseOf)
                .map(conversation -> inbox.thread(conversation.id()).messages().stream()
                        .filter(message -> message.kind() == MessageKind.MESSAGE
                                && message.direction() != Direction.INTERNAL)
                        .map(ChatController::line).toList())
                .orElse(List.of());
    }

    private static ChatLine line(ConversationMessage message) {
        return new ChatLine(message.id(), message.direction() == Direction.INBOUND, message.bodyText(),
                message.createdAt());
    }

    private static ResponseEntity<?> unauthorized() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED,
                "unauthorized", "Unauthorized", "The write key or the visitor's token is not valid"));
    }

}
