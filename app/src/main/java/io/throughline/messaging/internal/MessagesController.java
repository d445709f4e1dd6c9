package io.throughline.messaging.internal;

import io.throughline.platform.StaffPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.messaging.Delivery;
import io.throughline.messaging.Message;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Messages;
import io.throughline.messaging.NewMessage;
import io.throughline.messaging.Preview;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.privacy.AccessAudit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Messages: marketers define and preview them; marketers and agents send them. */
@RestController
@RequestMapping("/api/messaging/messages")
@Tag(name = "Messaging", description = "Messages with a variant per channel, previews and sends")
class MessagesController {

    private static final String EDITORS = StaffPermission.Rules.EDIT_MESSAGES;
    private static final String SENDERS = StaffPermission.Rules.READ_MESSAGES;

    /** What to preview: one channel or all, for a customer or for sample data. */
    record PreviewRequest(@Nullable MessageChannel channel, @Nullable UUID profileId,
            @Nullable Map<String, Object> data) {}

    /** A staff send of the message. */
    record SendBody(@NotNull UUID profileId, @NotNull MessageChannel channel, @Nullable Map<String, Object> data,
            @Nullable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String location) {}

    private final Messages messages;
    private final MessageDispatcher deliveries;
    private final AccessAudit audit;

    MessagesController(Messages messages, MessageDispatcher deliveries, AccessAudit audit) {
        this.messages = messages;
        this.deliveries = deliveries;
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize(SENDERS)
    Page<Message> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return messages.list(new PageRequest(page, size));
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    ResponseEntity<Message> create(@Valid @RequestBody NewMessage message) {
        Message created = messages.create(message);
        return ResponseEntity.created(URI.create("/api/messaging/messages/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @PreAuthorize(SENDERS)
    Message get(@PathVariable UUID id) {
        return messages.get(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize(EDITORS)
    Message update(@PathVariable UUID id, @Valid @RequestBody NewMessage message) {
        return messages.update(id, message);
    }

    @PostMapping("/{id}/preview")
    @PreAuthorize(SENDERS)
    @Operation(summary = "Render every variant (of one channel) for a customer, or for a sample customer")
    List<Preview> preview(Authentication staff, @PathVariable UUID id, @Valid @RequestBody PreviewRequest request) {
        if (request.profileId() != null) {
            audit.record(CurrentStaff.id(staff), List.of(request.profileId()), "message preview");
        }
        return messages.preview(id, request.channel(), request.profileId(),
                request.data() == null ? Map.of() : request.data());
    }

    @PostMapping("/{id}/send")
    @PreAuthorize(SENDERS)
    @Operation(summary = "Send the message to a customer on a channel; a refused send is answered with its reason")
    Delivery send(@PathVariable UUID id, @Valid @RequestBody SendBody body) {
        return deliveries.send(new SendRequest(id, body.profileId(), body.channel(), body.data(), body.location()));
    }
}
