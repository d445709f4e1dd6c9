package io.throughline.messaging.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.messaging.Deliveries;
import io.throughline.messaging.Delivery;
import io.throughline.messaging.DeliveryStatus;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.SinkMessage;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Keyset;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.privacy.AccessAudit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Deliveries and what the channels hold: provider reports, in-app cards, associate tasks, the local sink. */
@RestController
@RequestMapping("/api/messaging")
@Tag(name = "Messaging", description = "Messages with a variant per channel, previews and sends")
class DeliveriesController {

    /** A provider's report on a delivery, e.g. from its bounce webhook. */
    record DeliveryReport(@NotNull UUID deliveryId, @NotNull String status, @Nullable @Size(max = 500) String reason) {}

    private final Deliveries deliveries;
    private final JdbcOutbox outbox;
    private final InAppStreams streams;
    private final ChannelSettings settings;
    private final AccessAudit audit;
    private final AssociateShops shops;

    DeliveriesController(Deliveries deliveries, JdbcOutbox outbox, InAppStreams streams, ChannelSettings settings,
            AccessAudit audit, AssociateShops shops) {
        this.audit = audit;
        this.shops = shops;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.streams = streams;
        this.settings = settings;
    }

    @GetMapping("/deliveries")
    @PreAuthorize("hasAnyRole('ADMIN', 'MARKETER', 'AGENT')")
    @Operation(summary = "A customer's deliveries, newest first; the next page starts after the answer's cursor")
    Keyset.Slice<Delivery> forProfile(Authentication staff, @RequestParam UUID profileId,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        Keyset.Slice<Delivery> found = deliveries.forProfile(profileId,
                after == null ? null : Keyset.Cursor.parse("after", after), size);
        audit.record(CurrentStaff.id(staff), List.of(profileId), "messages");
        return found;
    }

    @GetMapping("/deliveries/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MARKETER', 'AGENT')")
    Delivery get(@PathVariable UUID id) {
        return deliveries.get(id);
    }

    @PostMapping("/delivery-reports")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "A provider reports a delivery as delivered or bounced (its delivery or bounce webhook)")
    Delivery report(@Valid @RequestBody DeliveryReport report) {
        DeliveryStatus status = switch (report.status()) {
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "bounced" -> DeliveryStatus.BOUNCED;
            default -> throw new InvalidRequestException("status", "must be delivered or bounced");
        };
        return deliveries.report(report.deliveryId(), status, report.reason());
    }

    /**
     * A customer's cards hold what was written to her, personal data an analyst does not get; whoever reads them is
     * recorded in the access log.
     */
    private static final String CARD_READERS = "hasAnyRole('ADMIN', 'MARKETER', 'AGENT', 'STORE_ASSOCIATE')";

    @GetMapping(path = "/in-app/{profileId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize(CARD_READERS)
    @Operation(summary = "Server-sent events: the customer's unread cards, then each new card as it is sent")
    SseEmitter stream(@PathVariable UUID profileId, Authentication staff) {
        audit.record(CurrentStaff.id(staff), List.of(profileId), "in-app-cards");
        SseEmitter emitter = streams.open(profileId);
        outbox.unreadCards(profileId).reversed().forEach(card -> InAppStreams.send(emitter, card));
        return emitter;
    }

    @GetMapping("/in-app/{profileId}/cards")
    @PreAuthorize(CARD_READERS)
    List<InAppCard> unread(@PathVariable UUID profileId, Authentication staff) {
        List<InAppCard> cards = outbox.unreadCards(profileId);
        audit.record(CurrentStaff.id(staff), List.of(profileId), "in-app-cards");
        return cards;
    }

    @PostMapping("/in-app/cards/{id}/read")
    @PreAuthorize(CARD_READERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable UUID id) {
        outbox.markRead(id);
    }

    @GetMapping("/tasks")
    @PreAuthorize("hasAnyRole('ADMIN', 'STORE_ASSOCIATE')")
    @Operation(summary = "A shop's open associate tasks, oldest first; location is the shop's channel key")
    Page<AssociateTask> tasks(@RequestParam String location, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size, Authentication staff) {
        shops.check(staff, location);
        return outbox.openTasks(location, new PageRequest(page, size));
    }

    @PostMapping("/tasks/{id}/done")
    @PreAuthorize("hasAnyRole('ADMIN', 'STORE_ASSOCIATE')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void done(@PathVariable UUID id, Authentication staff) {
        shops.check(staff, outbox.taskLocation(id));
        outbox.completeTask(id);
    }

    @GetMapping("/sink")
    @PreAuthorize("hasAnyRole('ADMIN', 'MARKETER')")
    @Operation(summary = "What the local sink kept for channels without a server or provider, newest first")
    Page<SinkMessage> sink(@RequestParam(required = false) @Nullable String channel,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        MessageChannel only = channel == null ? null : MessageChannel.of(channel)
                .orElseThrow(() -> new InvalidRequestException("channel", "must be email, sms or push"));
        return outbox.sink(only, new PageRequest(page, size));
    }

    @GetMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Channel settings in force; secrets only say whether they are set")
    Map<String, Object> settings() {
        return settings.describe();
    }

    @PatchMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change channel settings at run time; a blank value turns a setting off")
    Map<String, Object> changeSettings(@RequestBody Map<String, String> changes) {
        settings.change(changes);
        return settings.describe();
    }
}
