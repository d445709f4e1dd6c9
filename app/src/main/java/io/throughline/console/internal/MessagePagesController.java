package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import io.throughline.messaging.Deliveries;
import io.throughline.messaging.Delivery;
import io.throughline.messaging.Message;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.MessageDecision;
import io.throughline.messaging.MessageDecisions;
import io.throughline.messaging.Messages;
import io.throughline.messaging.Outbox;
import io.throughline.messaging.Preview;
import io.throughline.messaging.SinkMessage;
import io.throughline.messaging.SmsLength;
import io.throughline.messaging.Variant;
import io.throughline.platform.Keyset;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Messages for marketers: the list, a message with every variant previewed for a sample customer, and what
 * the local sink kept of messages to channels without a server or provider.
 */
@Controller
@RequestMapping("/messages")
@PreAuthorize(StaffPermission.Rules.READ_MESSAGES)
class MessagePagesController {

    /** A message as listed: how many variants it has on each channel, in the channels' order. */
    record MessageRow(Message message, List<ChannelCount> channels) {}

    /** How many variants a message has on one channel; the template names the channel in the staff's language. */
    record ChannelCount(MessageChannel channel, long count) {}

    /**
     * One previewed variant with its fields in the order the channel shows them, and its length as an SMS (absent for
     * other channels); the template words both in the staff's language.
     */
    record PreviewRow(MessageChannel channel, String key, List<Map.Entry<String, String>> fields, @Nullable SmsLength sms) {}

    /** A delivery as the customer's log shows it. */
    record DeliveryRow(Delivery delivery, String messageName, String channel) {}

    /** A channel decision as the customer's log shows it. */
    record DecisionRow(MessageDecision decision, String messageName, String channel) {}

    private final Messages messages;
    private final Outbox outbox;
    private final Deliveries deliveries;
    private final MessageDecisions decisions;

    MessagePagesController(Messages messages, Outbox outbox, Deliveries deliveries, MessageDecisions decisions) {
        this.messages = messages;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.decisions = decisions;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<Message> found = messages.list(new PageRequest(page, PageRequest.DEFAULT_SIZE));
        model.addAttribute("rows", found.items().stream().map(message -> new MessageRow(message, channels(message)))
                .toList());
        model.addAttribute("page", found);
        model.addAttribute("area", ConsoleArea.MESSAGES);
        return "console/messages/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        Message message = messages.get(id);
        List<Preview> previews = messages.preview(id, null, null, Map.of());
        model.addAttribute("message", message);
        model.addAttribute("previews", previews.stream().map(MessagePagesController::row).toList());
        model.addAttribute("area", ConsoleArea.MESSAGES);
        return "console/messages/detail";
    }

    /** Every customer's mail at once: for those who write the messages, not for agents, who read one customer's log. */
    @GetMapping("/sink")
    @PreAuthorize(StaffPermission.Rules.EDIT_MESSAGES)
    String sink(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<SinkMessage> kept = outbox.sink(null, new PageRequest(page, PageRequest.DEFAULT_SIZE));
        model.addAttribute("page", kept);
        model.addAttribute("area", ConsoleArea.MESSAGES);
        return "console/messages/sink";
    }

    /**
     * The customer's sent-message log and channel decisions with their reasons, as a fragment Customer 360 loads into its messages panel. Customer 360
     * itself records the staff member's read of the customer.
     */
    @GetMapping("/customers/{profileId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MARKETER', 'AGENT', 'STORE_ASSOCIATE')")
    String customerLog(@PathVariable UUID profileId, Model model) {
        Keyset.Slice<Delivery> sent = deliveries.forProfile(profileId, null, 50);
        Map<UUID, String> names = new HashMap<>();
        model.addAttribute("rows", sent.items().stream().map(delivery -> new DeliveryRow(delivery,
                names.computeIfAbsent(delivery.messageId(), id -> messages.get(id).name()),
                label(delivery.channel()))).toList());
        model.addAttribute("more", sent.next() != null);
        Keyset.Slice<MessageDecision> decided = decisions.forProfile(profileId, null, 50);
        model.addAttribute("decisions", decided.items().stream().map(decision -> new DecisionRow(decision,
                names.computeIfAbsent(decision.messageId(), id -> messages.get(id).name()),
                decision.channel() == null ? "—" : label(decision.channel()))).toList());
        model.addAttribute("moreDecisions", decided.next() != null);
        return "console/customers/messages :: log";
    }

    private static List<ChannelCount> channels(Message message) {
        Map<MessageChannel, Long> counts = message.variants().stream().collect(Collectors.groupingBy(
                Variant::channel, () -> new EnumMap<>(MessageChannel.class), Collectors.counting()));
        return counts.entrySet().stream().map(entry -> new ChannelCount(entry.getKey(), entry.getValue())).toList();
    }

    private static PreviewRow row(Preview preview) {
        List<Map.Entry<String, String>> fields = preview.rendered().templates().entrySet().stream()
                .filter(field -> !field.getValue().isEmpty()).toList();
        return new PreviewRow(preview.channel(), preview.key(), fields, preview.sms());
    }

    static String label(MessageChannel channel) {
        return switch (channel) {
            case EMAIL -> "Email";
            case SMS -> "SMS";
            case PUSH -> "Push";
            case IN_APP -> "In-app card";
            case TASK -> "Store task";
        };
    }
}
