package io.throughline.messaging.internal;

import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.messaging.ChannelChoices;
import io.throughline.messaging.ChannelDecision;
import io.throughline.messaging.Delivery;
import io.throughline.messaging.Dispatch;
import io.throughline.messaging.Message;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.MessageDecision;
import io.throughline.messaging.MessagePurpose;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.privacy.Consent;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chooses the channel and the moment of a dispatch. The hard rules (a variant, an address, marketing consent)
 * decide which channels may carry the message; engagement ranks them; then, channel by channel, the frequency
 * caps, the quiet hours and the control group have their say. Every rule weighed leaves a reason.
 *
 * <p>A dispatch decides and records under a per-customer lock, so that concurrent dispatches count each
 * other's sends against the caps, and sends after the commit, so that no lock waits on an SMTP server. Called
 * inside a caller's transaction it joins that one: the lock is then held, and the decision uncommitted, until
 * the caller commits, after the send — so callers should dispatch outside their own transactions.
 */
@Service
class ChannelChooser implements ChannelChoices {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final MessageDispatcher sender;
    private final CustomerProfiles profiles;
    private final DecisionLog decisions;
    private final EngagementScores scores;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ChannelChooser(MessageDispatcher sender, CustomerProfiles profiles, DecisionLog decisions,
            EngagementScores scores, TransactionTemplate transactions, Clock clock) {
        this.sender = sender;
        this.profiles = profiles;
        this.decisions = decisions;
        this.scores = scores;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ChannelDecision decide(Dispatch dispatch) {
        check(dispatch);
        return evaluate(dispatch, sender.facts(dispatch.messageId(), profiles.get(dispatch.profileId()))).decision();
    }

    @Override
    public ChannelDecision dispatch(Dispatch dispatch) {
        check(dispatch);
        Recorded recorded = transactions.execute(status -> {
            // The profile a merged id lives on is the one whose sends the caps count.
            CustomerProfile profile = profiles.get(dispatch.profileId());
            decisions.lock(profile.id());
            if (dispatch.key() != null) {
                Optional<MessageDecision> earlier = decisions.byKey(dispatch.key());
                if (earlier.isPresent()) {
                    return new Recorded(earlier.get(), null, null);
                }
            }
            SendFacts facts = sender.facts(dispatch.messageId(), profile);
            Evaluation evaluation = evaluate(dispatch, facts);
            MessageDecision decision = new MessageDecision(Ids.newId(clock), evaluation.profileId(),
                    dispatch.messageId(), evaluation.purpose(), dispatch.origin(), evaluation.outcome(),
                    evaluation.channel(), null, evaluation.decision() instanceof ChannelDecision.Hold hold
                            ? hold.until() : null,
                    evaluation.decision().reasons(), dispatch.at(), clock.instant());
            decisions.insert(decision, dispatch.key());
            return new Recorded(decision, evaluation, facts);
        });
        if (recorded.evaluation() == null || recorded.facts() == null) {
            return replayed(recorded.decision());
        }
        if (!(recorded.evaluation().decision() instanceof ChannelDecision.Send send)) {
            return recorded.evaluation().decision();
        }
        // The send weighs the hard rules again, on what the decision read moments ago under its lock; what it
        // became is noted on the decision in the transaction that records the delivery.
        UUID decisionId = recorded.decision().id();
        Delivery delivery = sender.send(new SendRequest(dispatch.messageId(), recorded.evaluation().profileId(),
                send.channel(), dispatch.data(), dispatch.location()), recorded.facts(),
                made -> decisions.sent(decisionId, made.id(), made.sent() ? MessageDecision.Outcome.SEND
                        : MessageDecision.Outcome.SKIP, reasons(send, made)));
        return delivery.sent() ? new ChannelDecision.Send(send.channel(), delivery.id(), reasons(send, delivery))
                : new ChannelDecision.Skip(reasons(send, delivery));
    }

    /** The decision's reasons with what its send became: a failed hand-over, or a rule the send refused on. */
    private static List<String> reasons(ChannelDecision.Send send, Delivery delivery) {
        List<String> reasons = new ArrayList<>(send.reasons());
        if (!delivery.sent()) {
            reasons.add(send.channel().key() + " not sent: " + delivery.status().key()
                    + (delivery.reason() == null ? "" : " (" + delivery.reason() + ")"));
        }
        return reasons;
    }

    /** What an earlier dispatch of the same key came to, as that dispatch answered it. */
    private static ChannelDecision replayed(MessageDecision earlier) {
        List<String> reasons = new ArrayList<>(earlier.reasons());
        return switch (earlier.outcome()) {
            case SEND -> {
                if (earlier.deliveryId() == null) {
                    // Decided, then interrupted before the delivery was recorded: the adapter may have handed the
                    // message over, so it is not sent again.
                    reasons.add("dispatched before and interrupted while sending; not sent again");
                }
                yield new ChannelDecision.Send(Objects.requireNonNull(earlier.channel()), earlier.deliveryId(),
                        reasons);
            }
            case HOLD -> new ChannelDecision.Hold(Objects.requireNonNull(earlier.channel()),
                    Objects.requireNonNull(earlier.holdUntil()), reasons);
            case SKIP, CONTROL -> new ChannelDecision.Skip(reasons);
        };
    }

    private static void check(Dispatch dispatch) {
        if (dispatch.origin().isBlank()) {
            throw new InvalidRequestException("origin", "must say who dispatches, e.g. journey:welcome:v1:send");
        }
    }

    private Evaluation evaluate(Dispatch dispatch, SendFacts facts) {
        Message message = facts.message();
        CustomerProfile profile = facts.profile();
        ChoiceRules rules = ChoiceSettings.rules(facts.settings()::get);
        boolean marketing = message.purpose() == MessagePurpose.MARKETING;
        List<Consent> stated = facts.consents();
        List<String> reasons = new ArrayList<>();

        List<MessageChannel> candidates;
        if (dispatch.channel() != null) {
            candidates = List.of(dispatch.channel());
        } else {
            candidates = rules.fallbackOrder().stream().filter(channel -> !message.variantsFor(channel).isEmpty())
                    .toList();
            if (candidates.isEmpty()) {
                reasons.add("the message has no variant for " + keys(rules.fallbackOrder()));
            }
        }
        List<MessageChannel> eligible = new ArrayList<>();
        for (MessageChannel channel : candidates) {
            Optional<String> refusal = message.variantsFor(channel).isEmpty()
                    ? Optional.of("the message has no " + channel.key() + " variant")
                    : channel == MessageChannel.TASK && dispatch.location() == null
                            ? Optional.of("no shop location given for the task")
                            : SendRules.refusal(message.purpose(), channel, profile, stated);
            refusal.ifPresentOrElse(why -> reasons.add(channel.key() + " skipped: " + why),
                    () -> eligible.add(channel));
        }
        List<MessageChannel> ranked = eligible;
        if (dispatch.channel() == null && eligible.size() > 1) {
            Map<MessageChannel, Double> engagement = scores.of(profile.id(), dispatch.at());
            ranked = ChannelRanking.rank(eligible, engagement, rules.fallbackOrder());
            reasons.add("ranked by engagement: " + ranked.stream().map(channel -> channel.key() + " "
                    + String.format(Locale.ROOT, "%.1f", engagement.getOrDefault(channel, 0.0)))
                    .collect(Collectors.joining(", ")));
        }

        Map<MessageChannel, Integer> sent = marketing
                ? decisions.marketingSends(profile.id(), dispatch.at().minus(FrequencyCaps.WINDOW), dispatch.at())
                : Map.of();
        @Nullable ZoneId zone = null;
        for (MessageChannel channel : ranked) {
            if (marketing) {
                Optional<String> breach = rules.caps().breach(channel, sent);
                if (breach.isPresent()) {
                    reasons.add(channel.key() + " skipped: " + breach.get());
                    continue;
                }
            }
            if ((marketing || rules.quietTransactional()) && rules.quietHours().channels().contains(channel)) {
                zone = zone == null ? zone(profile.id(), rules) : zone;
                Optional<Instant> end = rules.quietHours().endOf(dispatch.at(), zone, channel);
                if (end.isPresent()) {
                    String quiet = "quiet hours " + LOCAL_TIME.format(rules.quietHours().start()) + "–"
                            + LOCAL_TIME.format(rules.quietHours().end()) + " " + zone.getId();
                    if (dispatch.quietHours() == Dispatch.QuietHours.HOLD) {
                        reasons.add(channel.key() + " held: " + quiet + ", until "
                                + LOCAL_TIME.format(end.get().atZone(zone)));
                        return new Evaluation(new ChannelDecision.Hold(channel, end.get(), reasons),
                                MessageDecision.Outcome.HOLD, channel, profile.id(), message.purpose());
                    }
                    reasons.add(channel.key() + " dropped: " + quiet);
                    return new Evaluation(new ChannelDecision.Skip(reasons), MessageDecision.Outcome.SKIP, channel,
                            profile.id(), message.purpose());
                }
            }
            if (marketing && rules.controlGroup().contains(profile.id())) {
                reasons.add("control group: no marketing (would have been sent on " + channel.key() + ")");
                return new Evaluation(new ChannelDecision.Skip(reasons), MessageDecision.Outcome.CONTROL, channel,
                        profile.id(), message.purpose());
            }
            reasons.add(channel.key() + " chosen" + (dispatch.channel() == null ? "" : " (fixed by the dispatch)"));
            return new Evaluation(new ChannelDecision.Send(channel, null, reasons), MessageDecision.Outcome.SEND,
                    channel, profile.id(), message.purpose());
        }
        reasons.add("not sent: no channel may carry it");
        return new Evaluation(new ChannelDecision.Skip(reasons), MessageDecision.Outcome.SKIP, null, profile.id(),
                message.purpose());
    }

    /** The customer's {@code timezone} trait when it names a zone, else the brand's default zone. */
    private ZoneId zone(UUID profileId, ChoiceRules rules) {
        return profiles.traits(profileId).stream().filter(trait -> "timezone".equals(trait.name())).findFirst()
                .flatMap(trait -> {
                    String value = trait.value().strip();
                    if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(ZoneId.of(value.substring(1, value.length() - 1)));
                    } catch (DateTimeException unknown) {
                        return Optional.empty();
                    }
                }).orElse(rules.defaultZone());
    }

    private static String keys(List<MessageChannel> channels) {
        return channels.stream().map(MessageChannel::key).collect(Collectors.joining(", "));
    }

    /** A decision with what recording it needs. */
    private record Evaluation(ChannelDecision decision, MessageDecision.Outcome outcome,
            @Nullable MessageChannel channel, UUID profileId, MessagePurpose purpose) {}

    /** A decision recorded now with its evaluation and what it was made on, or an earlier one of the same key. */
    private record Recorded(MessageDecision decision, @Nullable Evaluation evaluation, @Nullable SendFacts facts) {}
}
