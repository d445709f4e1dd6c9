package io.throughline.journeys.internal;

import io.throughline.customers.CustomerOverview;
import io.throughline.customers.CustomerProfiles;
import io.throughline.events.EventLog;
import io.throughline.events.EventTimeline;
import io.throughline.events.EventToAppend;
import io.throughline.events.EventType;
import io.throughline.events.LogOverloadedException;
import io.throughline.journeys.internal.Definition.Check;
import io.throughline.journeys.internal.Definition.Step;
import io.throughline.journeys.internal.JourneyWalk.SendResult;
import io.throughline.messaging.ChannelChoices;
import io.throughline.messaging.ChannelDecision;
import io.throughline.messaging.Dispatch;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Messages;
import io.throughline.pricing.CouponGrant;
import io.throughline.pricing.GrantedCoupon;
import io.throughline.pricing.Promotions;
import io.throughline.platform.Channel;
import io.throughline.tracking.Channels;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The world a journey acts in: sends through the channel choice, traits through the event log, coupons through
 * pricing, webhooks over HTTP. A dry run gets a world that only asks ({@link #dryRun}).
 */
@Component
class LiveWorlds {

    private static final Logger log = LoggerFactory.getLogger(LiveWorlds.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ChannelChoices choices;
    private final Messages messages;
    private final Channels channels;
    private final EventLog eventLog;
    private final EventTimeline timeline;
    private final CustomerProfiles profiles;
    private final Promotions promotions;
    private final JsonMapper json;
    private final JourneysProperties properties;
    private final HttpClient http;

    LiveWorlds(ChannelChoices choices, Messages messages, Channels channels, EventLog eventLog, EventTimeline timeline,
            CustomerProfiles profiles, Promotions promotions, JsonMapper json, JourneysProperties properties) {
        this.choices = choices;
        this.messages = messages;
        this.channels = channels;
        this.eventLog = eventLog;
        this.timeline = timeline;
        this.profiles = profiles;
        this.promotions = promotions;
        this.json = json;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout()).build();
    }

    /** The world of one instance, which acts for real. */
    JourneyWalk.World of(Instance instance) {
        return new Live(instance);
    }

    /**
     * A world that decides but does nothing: sends are only decided, traits, coupons and webhooks only
     * described; conditions on events also see the hypothetical events before the moment asked about.
     */
    JourneyWalk.World dryRun(String journey, int version, UUID profileId, Map<String, Object> data,
            List<io.throughline.journeys.DryRunRequest.HypotheticalEvent> hypothetical) {
        return new JourneyWalk.World() {
            @Override
            public SendResult send(Step.Send step, Instant at) {
                return result(choices.decide(dispatch(journey, version, step.id(), profileId, step.message(),
                        step.channel(), step.quietHours(), data, null, at)));
            }

            @Override
            public SendResult task(Step.AssociateTask step, Instant at) {
                return result(choices.decide(dispatch(journey, version, step.id(), profileId, step.message(),
                        MessageChannel.TASK, Dispatch.QuietHours.HOLD, data, step.location(), at)));
            }

            @Override
            public String updateTrait(Step.UpdateTrait step, Instant at) {
                return "would set " + step.trait() + " = " + step.value();
            }

            @Override
            public String grantCoupon(Step.GrantCoupon step, Instant at) {
                return "would grant a coupon of batch " + step.batchId();
            }

            @Override
            public String webhook(Step.Webhook step, Instant at) {
                return "would call " + step.url();
            }

            @Override
            public boolean check(Check check, Instant at) {
                if (check instanceof Check.OnEvent onEvent) {
                    boolean hypotheticallyDone = hypothetical.stream().anyMatch(event ->
                            event.event().equals(onEvent.event()) && !event.at().isAfter(at)
                                    && event.at().isAfter(at.minus(onEvent.within())));
                    return hypotheticallyDone || checkFacts(check, profileId, at);
                }
                return checkFacts(check, profileId, at);
            }
        };
    }

    private Dispatch dispatch(String journey, int version, String step, UUID profileId, String messageName,
            @Nullable MessageChannel channel, Dispatch.QuietHours quietHours, Map<String, Object> data,
            @Nullable String location, Instant at) {
        UUID messageId = messages.findByName(messageName).orElseThrow(() -> new IllegalStateException(
                "Message '" + messageName + "' of journey " + journey + " is gone")).id();
        return new Dispatch(messageId, profileId, channel, quietHours, data, location,
                "journey:" + journey + ":v" + version + ":" + step, at);
    }

    /**
     * Dispatches the send intent's step for real, outside any transaction, under the intent's idempotency key:
     * the step's message to the instance's customer with the instance's data, at the moment the walk reached it.
     */
    SendResult dispatch(Instance instance, Step step, SendIntentStore.SendIntent intent) {
        String messageName;
        @Nullable MessageChannel channel;
        Dispatch.QuietHours quietHours;
        @Nullable String location;
        switch (step) {
            case Step.Send send -> {
                messageName = send.message();
                channel = send.channel();
                quietHours = send.quietHours();
                location = null;
            }
            case Step.AssociateTask task -> {
                messageName = task.message();
                channel = MessageChannel.TASK;
                quietHours = Dispatch.QuietHours.HOLD;
                location = task.location();
            }
            default -> throw new IllegalStateException("Step " + step.id() + " (" + step.type() + ") sends nothing");
        }
        var message = messages.findByName(messageName);
        if (message.isEmpty()) {
            // Renamed or deleted after the journey was saved: the customer goes on rather than stopping here.
            return new SendResult.Skipped(List.of("message '" + messageName + "' no longer exists"));
        }
        return result(choices.dispatch(new Dispatch(message.get().id(), instance.profileId, channel, quietHours,
                data(instance), location, "journey:" + instance.journey + ":v" + instance.version + ":" + step.id(),
                intent.at(), intent.dispatchKey())));
    }

    /** The instance's data for its messages; JSON nulls are left out, as templates render a missing value. */
    private Map<String, Object> data(Instance instance) {
        Map<String, Object> data = json.readValue(instance.data, MAP);
        data.values().removeIf(java.util.Objects::isNull);
        return data;
    }

    private static SendResult result(ChannelDecision decision) {
        return switch (decision) {
            case ChannelDecision.Send send -> new SendResult.Sent(send.channel(), send.reasons());
            case ChannelDecision.Hold hold -> new SendResult.Held(hold.channel(), hold.until(), hold.reasons());
            case ChannelDecision.Skip skip -> new SendResult.Skipped(skip.reasons());
        };
    }

    private boolean checkFacts(Check check, UUID profileId, Instant at) {
        return switch (check) {
            case Check.OnTrait onTrait -> {
                CustomerOverview overview = profiles.overview(profileId);
                JsonNode value = overview.traits().stream()
                        .filter(trait -> trait.name().equals(onTrait.filter().property()))
                        .findFirst().map(trait -> json.readTree(trait.value()))
                        .orElse(tools.jackson.databind.node.MissingNode.getInstance());
                yield onTrait.filter().testValue(value);
            }
            case Check.OnEvent onEvent -> timeline.page(profileId, null, 100, null, onEvent.event()).stream()
                    .anyMatch(event -> !event.occurredAt().isAfter(at)
                            && event.occurredAt().isAfter(at.minus(onEvent.within())));
        };
    }

    /** The world of an instance in flight. */
    private final class Live implements JourneyWalk.World {

        private final Instance instance;

        Live(Instance instance) {
            this.instance = instance;
        }

        private Map<String, Object> data() {
            return LiveWorlds.this.data(instance);
        }

        /** The send goes out after the walk's transaction commits, so no messaging lock waits on it. */
        @Override
        public SendResult send(Step.Send step, Instant at) {
            return new SendResult.Pending();
        }

        @Override
        public SendResult task(Step.AssociateTask step, Instant at) {
            return new SendResult.Pending();
        }

        @Override
        public String updateTrait(Step.UpdateTrait step, Instant at) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", "identify");
            payload.put("traits", Map.of(step.trait(), step.value()));
            payload.put("timestamp", at.toString());
            // The same instance, stage and step always make the same message id, so a batch that is retried
            // after a failure appends a duplicate the log recognises.
            String messageId = "journey:" + instance.id + ":" + instance.stage + ":" + step.id();
            // An identify call, which CustomerEvent (track calls only) does not build.
            Channel channel = channels.find(step.channel()).orElseThrow(() ->
                    new IllegalStateException("No source has channel " + step.channel()));
            EventToAppend event = new EventToAppend(channel.sourceId(), channel.key(), messageId, EventType.IDENTIFY,
                    null, at, at, List.of(), instance.profileId, json.writeValueAsString(payload));
            try {
                eventLog.append(List.of(event)).whenComplete((outcomes, failure) -> {
                    if (failure != null) {
                        log.warn("Trait {} of journey {} was not logged: {}", step.trait(), instance.journey,
                                failure.getClass().getSimpleName());
                    }
                });
            } catch (LogOverloadedException busy) {
                throw new IllegalStateException("The event log is busy; the trait update is retried", busy);
            }
            return "set " + step.trait() + " = " + step.value();
        }

        @Override
        public String grantCoupon(Step.GrantCoupon step, Instant at) {
            GrantedCoupon coupon = promotions.grant(new CouponGrant(step.batchId(), instance.profileId,
                    step.channel()));
            // Later sends may show the code: {{coupon}}.
            ObjectNode data = (ObjectNode) json.readTree(instance.data);
            data.put("coupon", coupon.code());
            instance.data = data.toString();
            return "granted a coupon of batch " + step.batchId();
        }

        @Override
        public String webhook(Step.Webhook step, Instant at) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("journey", instance.journey);
            body.put("version", instance.version);
            body.put("step", step.id());
            body.put("instanceId", instance.id.toString());
            body.put("profileId", instance.profileId.toString());
            body.put("at", at.toString());
            body.put("data", data());
            // The list may have changed since the journey was saved, and the name may point elsewhere now.
            WebhookHosts webhooks = properties.webhooks();
            Optional<String> refused = webhooks.refusal(step.url());
            if (refused.isEmpty()) {
                try {
                    refused = webhooks.refusal(java.net.InetAddress.getAllByName(step.url().getHost()));
                } catch (java.net.UnknownHostException unknown) {
                    return "call failed: unknown host";
                }
            }
            if (refused.isPresent()) {
                return "not called: " + refused.get();
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(step.url())
                        .timeout(properties.webhookTimeout()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                        HttpResponse.BodyHandlers.discarding());
                return "called: " + response.statusCode();
            } catch (java.io.IOException failed) {
                // A receiver that is down does not hold the customer back.
                return "call failed: " + failed.getClass().getSimpleName();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return "call interrupted";
            }
        }

        @Override
        public boolean check(Check check, Instant at) {
            return checkFacts(check, instance.profileId, at);
        }
    }

}
