package io.throughline.recommendations.internal;

import io.throughline.events.EventNames;
import io.throughline.events.EventProcessor;
import io.throughline.events.EventTimeline;
import io.throughline.events.EventType;
import io.throughline.events.LoggedEvent;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the log for what customers do with products — "Product Viewed", "Product Added", "Order Completed" and
 * "Product Returned" from every channel, live or imported — and writes one interaction per product, with the
 * offset; once committed they reach the live model at once. "Profiles Merged" moves the merged profile's
 * interactions to the survivor, and "Profiles Unmerged" gives back to the restored profile those learnt from the
 * events the unmerge gave back to her.
 */
@Component
class InteractionProcessor implements EventProcessor {

    private static final Set<String> NAMES = Set.of(EventNames.PRODUCT_VIEWED, EventNames.PRODUCT_ADDED,
            EventNames.ORDER_COMPLETED, EventNames.PRODUCT_RETURNED, EventNames.PROFILES_MERGED,
            EventNames.PROFILES_UNMERGED);
    /** The events an interaction is learnt from, whose owner an unmerge may change. */
    private static final List<String> LEARNT_FROM = List.of(EventNames.PRODUCT_VIEWED, EventNames.PRODUCT_ADDED,
            EventNames.ORDER_COMPLETED, EventNames.PRODUCT_RETURNED);
    private static final int PAGE = 1_000;

    private final InteractionStore store;
    private final ModelKeeper keeper;
    private final EventTimeline timeline;
    private final JsonMapper json;

    InteractionProcessor(InteractionStore store, ModelKeeper keeper, EventTimeline timeline, JsonMapper json) {
        this.store = store;
        this.keeper = keeper;
        this.timeline = timeline;
        this.json = json;
    }

    @Override
    public String name() {
        return "recommendations";
    }

    @Override
    public Set<EventType> types() {
        return EnumSet.of(EventType.TRACK);
    }

    @Override
    public Set<String> names() {
        return NAMES;
    }

    @Override
    public void process(List<LoggedEvent> events) {
        List<Interaction> learnt = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        Set<UUID> moved = new LinkedHashSet<>();
        for (LoggedEvent event : events) {
            if (event.name() == null) {
                continue;
            }
            JsonNode properties = json.readTree(event.payload()).path("properties");
            if (EventNames.PROFILES_MERGED.equals(event.name())) {
                if (event.fromPlatform()) {
                    flush(learnt, indexes);
                    UUID survivor = UUID.fromString(properties.path("survivor").asString());
                    UUID merged = UUID.fromString(properties.path("merged").asString());
                    store.moveProfile(merged, survivor);
                    moved.add(merged);
                    moved.add(survivor);
                }
                continue;
            }
            if (EventNames.PROFILES_UNMERGED.equals(event.name())) {
                if (event.fromPlatform()) {
                    flush(learnt, indexes);
                    UUID survivor = UUID.fromString(properties.path("survivor").asString());
                    UUID restored = UUID.fromString(properties.path("restored").asString());
                    store.moveBack(survivor, restored, eventsOf(restored, event.seq()));
                    moved.add(restored);
                    moved.add(survivor);
                }
                continue;
            }
            switch (event.name()) {
                case EventNames.ORDER_COMPLETED -> {
                    String basket = properties.path("order_id").asString(event.messageId());
                    String region = text(properties, "country");
                    int idx = 0;
                    for (JsonNode product : properties.path("products")) {
                        if (!product.path("product_id").isMissingNode()) {
                            add(event, product, InteractionKind.PURCHASE, basket, region, idx, learnt, indexes);
                        }
                        idx++;
                    }
                }
                case EventNames.PRODUCT_VIEWED -> add(event, properties, InteractionKind.VIEW, browsing(event), null, 0,
                        learnt, indexes);
                case EventNames.PRODUCT_ADDED -> add(event, properties, InteractionKind.CART, browsing(event), null, 0,
                        learnt, indexes);
                case EventNames.PRODUCT_RETURNED -> add(event, properties, InteractionKind.RETURN,
                        properties.path("order_id").asString(event.messageId()), null, 0, learnt, indexes);
                default -> { }
            }
        }
        flush(learnt, indexes);
        if (!moved.isEmpty()) {
            afterCommit(() -> keeper.reread(moved));
        }
    }

    /**
     * The log's word on which events are hers after the unmerge: those it gave back to her (first resolved to her,
     * or through one of her identifiers) up to the unmerge; the rows learnt from them follow.
     */
    private List<Long> eventsOf(UUID restored, long unmergedAt) {
        List<Long> seqs = new ArrayList<>();
        for (String name : LEARNT_FROM) {
            Long before = unmergedAt;
            while (true) {
                List<LoggedEvent> page = timeline.page(restored, before, PAGE, null, name);
                page.forEach(event -> seqs.add(event.seq()));
                if (page.size() < PAGE) {
                    break;
                }
                before = page.getLast().seq();
            }
        }
        return seqs;
    }

    private void flush(List<Interaction> learnt, List<Integer> indexes) {
        store.add(learnt, indexes);
        if (!learnt.isEmpty()) {
            // A copy taken now: the lists are cleared for the rest of the batch before the commit comes.
            List<Interaction> committed = List.copyOf(learnt);
            afterCommit(() -> keeper.learn(committed));
        }
        learnt.clear();
        indexes.clear();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static void add(LoggedEvent event, JsonNode product, InteractionKind kind, String basket,
            @org.jspecify.annotations.Nullable String region, int idx, List<Interaction> learnt,
            List<Integer> indexes) {
        String sku = text(product, "sku");
        if (sku == null) {
            return;
        }
        String name = text(product, "name");
        learnt.add(new Interaction(event.seq(), event.profileId(), sku, name == null ? sku : name, kind,
                Math.max(1, product.path("quantity").asInt(1)), event.channel(), region, basket,
                event.occurredAt()));
        indexes.add(idx);
    }

    private static String browsing(LoggedEvent event) {
        return "browse:" + event.profileId() + "@" + event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static @org.jspecify.annotations.Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }
}
