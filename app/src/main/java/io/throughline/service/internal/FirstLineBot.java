package io.throughline.service.internal;

import io.throughline.customers.CustomerProfiles;
import io.throughline.inventory.LocationKind;
import io.throughline.inventory.OpeningHours;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.orders.OrderSummary;
import io.throughline.orders.Orders;
import io.throughline.platform.Ids;
import io.throughline.platform.PageRequest;
import io.throughline.service.Conversation;
import io.throughline.service.ConversationMessage;
import io.throughline.service.Direction;
import io.throughline.service.Inbound;
import io.throughline.service.Medium;
import io.throughline.service.MessageKind;
import io.throughline.service.Received;
import io.throughline.service.internal.BotIntents.Intent;
import java.time.Clock;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first-line bot on the media it is switched on for: it answers a new case first, from the platform's own
 * data (her order's state by its number, or her latest order; the shops' opening hours; the return policy),
 * and hands the case to people when she asks for one in any of the four languages, or after it failed to
 * understand her the configured number of times in a row. At the hand-over the case enters the queue with the
 * bot's transcript as a private note and a first-response target of its own; once a person answers or takes
 * the case, the bot is quiet.
 */
@Component
class FirstLineBot {

    private final ConversationStore conversations;
    private final MessageStore messages;
    private final Replies replies;
    private final Orders orders;
    private final CustomerProfiles profiles;
    private final StockLocations locations;
    private final ServiceSettings settings;
    private final MessageSource texts;
    private final InboxSignals signals;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final BotIntents intents = new BotIntents();

    FirstLineBot(ConversationStore conversations, MessageStore messages, Replies replies, Orders orders,
            CustomerProfiles profiles, StockLocations locations, ServiceSettings settings, MessageSource texts,
            InboxSignals signals, TransactionTemplate transactions, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.replies = replies;
        this.orders = orders;
        this.profiles = profiles;
        this.locations = locations;
        this.settings = settings;
        this.texts = texts;
        this.signals = signals;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Answers the message if the bot has the case; true while it keeps it, false once people have it. */
    boolean answer(Received.Stored stored, Inbound message) {
        UUID id = stored.conversationId();
        if (stored.threading() != Received.Threading.JOINED_OPEN_CASE && media().contains(message.medium())) {
            conversations.botStarts(id);
        }
        if (!conversations.botActive(id)) {
            return false;
        }
        Intent intent = intents.read(message.text());
        Locale locale = intent.language().locale();
        Optional<String> answer = switch (intent) {
            case BotIntents.Handover handover -> {
                handOver(id, "asked for a person", locale);
                yield Optional.empty();
            }
            case BotIntents.OrderStatus status -> orderStatus(stored.profileId(), status.number(), locale);
            case BotIntents.OpeningHours hours -> openingHours(locale);
            case BotIntents.ReturnPolicy returns -> Optional.of(returnPolicy(locale));
            case BotIntents.NotUnderstood notUnderstood -> Optional.empty();
        };
        if (intent instanceof BotIntents.Handover) {
            return false;
        }
        if (answer.isPresent()) {
            conversations.botAnswered(id);
            replies.botAnswer(id, answer.get());
            return true;
        }
        if (conversations.botFailed(id) >= maxFailedTurns()) {
            handOver(id, "could not answer", locale);
            return false;
        }
        replies.botAnswer(id, text("service.bot.menu", locale));
        return true;
    }

    private Optional<String> orderStatus(UUID profileId, @org.jspecify.annotations.Nullable String number,
            Locale locale) {
        UUID customer = profiles.get(profileId).id();
        if (number == null) {
            return orders.ofCustomer(customer, new PageRequest(0, 1)).items().stream().findFirst()
                    .map(order -> state(order, locale));
        }
        List<OrderSummary> found = orders.list(new Orders.Filter(number, null, null, null), new PageRequest(0, 1))
                .items();
        // Only her own orders: a number alone must not tell a stranger about someone else's.
        return found.stream().filter(order -> order.profileId() != null
                        && profiles.get(order.profileId()).id().equals(customer))
                .findFirst().map(order -> state(order, locale));
    }

    private String state(OrderSummary order, Locale locale) {
        return text("service.bot.order", locale, order.number(),
                text("service.bot.state." + order.state().name(), locale));
    }

    private Optional<String> openingHours(Locale locale) {
        List<StockLocation> shops = locations.list(new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(location -> location.kind() == LocationKind.SHOP && !location.openingHours().isEmpty())
                .toList();
        if (shops.isEmpty()) {
            return Optional.empty();
        }
        String lines = shops.stream().map(shop -> shop.name() + ": " + shop.openingHours().stream()
                        .map(hours -> day(hours, locale) + " " + hours.opens() + "–" + hours.closes())
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        return Optional.of(text("service.bot.hours", locale, lines));
    }

    private static String day(OpeningHours hours, Locale locale) {
        return hours.day().getDisplayName(TextStyle.SHORT, locale);
    }

    private String returnPolicy(Locale locale) {
        String configured = settings.get("return-policy");
        return configured.isBlank() ? text("service.bot.returns", locale) : configured;
    }

    /**
     * People take over: the customer is told, the case leaves the bot with the hand-over's first-response target
     * and the bot's transcript as a private note, and the agents' screens hear of it.
     */
    private void handOver(UUID id, String reason, Locale locale) {
        replies.botAnswer(id, text("service.bot.handover", locale));
        transactions.executeWithoutResult(status -> {
            Conversation conversation = conversations.lock(id).orElseThrow();
            Instant now = clock.instant();
            conversations.handedOver(id, reason, now, now.plus(settings.handoverResponse()));
            messages.insert(new MessageStore.NewMessage(Ids.newId(clock), id, conversation.profileId(),
                    MessageKind.NOTE, Direction.INTERNAL, conversation.medium(), conversation.channel(), null,
                    transcript(id, reason), null, null, null, null, "internal", null, now));
        });
        signals.changed(id);
    }

    private String transcript(UUID id, String reason) {
        StringBuilder note = new StringBuilder("Handed over by the bot (" + reason + "). Transcript:");
        for (ConversationMessage message : messages.thread(id)) {
            if (message.kind() != MessageKind.MESSAGE) {
                continue;
            }
            note.append('\n').append(message.direction() == Direction.INBOUND ? "Customer: "
                    : message.authorStaffId() == null ? "Bot: " : "Agent: ").append(message.bodyText());
        }
        return note.length() > Replies.MAX_LENGTH ? note.substring(0, Replies.MAX_LENGTH) : note.toString();
    }

    private Set<Medium> media() {
        return Arrays.stream(settings.get("bot-media").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).filter(s -> Arrays.stream(Medium.values())
                        .anyMatch(m -> m.name().equals(s)))
                .map(Medium::valueOf).collect(Collectors.toSet());
    }

    private int maxFailedTurns() {
        try {
            return Math.max(1, Integer.parseInt(settings.get("bot-max-failed-turns")));
        } catch (NumberFormatException broken) {
            return 2;
        }
    }

    private String text(String key, Locale locale, Object... arguments) {
        return texts.getMessage(key, arguments, locale);
    }
}
