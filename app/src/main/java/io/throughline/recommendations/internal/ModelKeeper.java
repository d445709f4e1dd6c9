package io.throughline.recommendations.internal;

import io.throughline.catalog.Catalogue;
import io.throughline.catalog.CatalogueItem;
import io.throughline.catalog.Sku;
import io.throughline.platform.InvalidRequestException;
import io.throughline.privacy.CustomerErased;
import io.throughline.recommendations.Recommendations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the model that answers: a built {@link ItemModel}, plus what customers did since it was built, learnt from
 * the log as it commits — so "for you" and "not what she just bought" follow her at once — until a rebuild, on a
 * schedule, reads everything again and swaps the new model in. Answers never wait for a build.
 */
@Component
@EnableConfigurationProperties(RecommendationsProperties.class)
class ModelKeeper {

    private static final Logger log = LoggerFactory.getLogger(ModelKeeper.class);

    private final InteractionStore store;
    private final Catalogue catalogue;
    private final RecommendationsProperties properties;
    private final ModelSettings settings;
    private final Clock clock;
    private final AtomicReference<ItemModel> current = new AtomicReference<>(ItemModel.empty());
    private final Map<UUID, List<Interaction>> live = new ConcurrentHashMap<>();
    private final Set<UUID> erased = ConcurrentHashMap.newKeySet();
    /** Profiles whose rows moved since a build began, with the build generation they were re-read in. */
    private final Map<UUID, Long> reread = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final ReentrantLock building = new ReentrantLock();

    ModelKeeper(InteractionStore store, Catalogue catalogue, RecommendationsProperties properties, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.properties = properties;
        this.settings = properties.settings();
        this.clock = clock;
    }

    ModelSettings settings() {
        return settings;
    }

    ItemModel model() {
        return current.get();
    }

    /** The time answers are given as of: now, or the end of training for an evaluation. */
    Instant now() {
        return properties.trainUntil() != null ? properties.trainUntil() : clock.instant();
    }

    /**
     * Her history in the model's items: what the build saw, then what she did since; or, once a merge or an unmerge
     * moved her rows, what the store holds for her now, until the next build has seen it.
     */
    List<Recommender.Seen> history(ItemModel model, UUID profileId) {
        List<Recommender.Seen> seen = new ArrayList<>();
        if (erased.contains(profileId)) {
            return seen;
        }
        boolean reread = reread(profileId);
        ItemModel.History built = reread ? null : model.histories.get(profileId);
        if (built != null) {
            for (int x = 0; x < built.size(); x++) {
                seen.add(new Recommender.Seen(built.items()[x], built.kinds()[x], built.atMillis()[x],
                        built.channels()[x]));
            }
        }
        for (Interaction interaction : live.getOrDefault(profileId, List.of())) {
            if (!reread && interaction.seq() <= model.lastSeq) {
                continue;
            }
            Integer item = model.item(interaction.sku());
            if (item != null) {
                seen.add(new Recommender.Seen(item, interaction.kind(), interaction.at().toEpochMilli(),
                        interaction.channel()));
            }
        }
        return seen;
    }

    /** The region she buys in most, as the model knows. */
    @Nullable String regionOf(ItemModel model, UUID profileId) {
        ItemModel.History built = model.histories.get(profileId);
        return built == null || erased.contains(profileId) ? null : built.region();
    }

    void learn(List<Interaction> interactions) {
        Instant until = properties.trainUntil();
        for (Interaction interaction : interactions) {
            if (until != null && !interaction.at().isBefore(until)) {
                continue;
            }
            live.compute(interaction.profileId(), (id, list) -> {
                List<Interaction> grown = list == null ? new ArrayList<>() : new ArrayList<>(list);
                grown.add(interaction);
                return List.copyOf(grown);
            });
        }
    }

    /**
     * After a merge or an unmerge moved rows between the profiles (committed): each one's history is read again
     * from the store and answers from it, not from the build, until a build has seen the move.
     */
    void reread(Collection<UUID> profiles) {
        Instant until = properties.trainUntil();
        for (UUID profileId : profiles) {
            List<Interaction> rows = store.of(profileId, until);
            reread.put(profileId, generation.get());
            if (rows.isEmpty()) {
                live.remove(profileId);
            } else {
                live.put(profileId, List.copyOf(rows));
            }
        }
    }

    private boolean reread(UUID profileId) {
        return reread.containsKey(profileId);
    }

    @EventListener
    void on(CustomerErased erasure) {
        erased.add(erasure.profileId());
        erased.addAll(erasure.erasedProfileIds());
        live.remove(erasure.profileId());
        erasure.erasedProfileIds().forEach(live::remove);
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildAtStart() {
        Thread.ofPlatform().name("recommendations-first-build").daemon(true).start(this::scheduledRebuild);
    }

    // The first scheduled build comes a minute after the start, so that what the start itself recorded (the demo
    // brand's history, an import resumed) is in the model soon; then one every rebuild-every.
    @Scheduled(fixedDelayString = "${throughline.recommendations.rebuild-every:PT10M}",
            initialDelayString = "${throughline.recommendations.first-build-after:PT1M}")
    void scheduledRebuild() {
        try {
            rebuild();
        } catch (RuntimeException failed) {
            log.error("Rebuilding the recommendations model failed; answering from the previous one", failed);
        }
    }

    Recommendations.ModelStatus rebuild() {
        if (!building.tryLock()) {
            throw new InvalidRequestException("model", "is being built already; ask again when that build ends");
        }
        try {
            Instant until = properties.trainUntil();
            // A profile re-read from now on may have moved after the rows below were read: it stays re-read.
            long started = generation.incrementAndGet();
            List<Interaction> interactions = store.all(until);
            interactions.removeIf(interaction -> erased.contains(interaction.profileId()));
            Map<String, CatalogueItem> items = catalogueItems(interactions);
            Map<String, String> groups = groups(items);
            ItemModel learnt = new ModelBuilder(settings).build(interactions, now(), sku -> groups.getOrDefault(sku,
                    sku), until);
            UUID[] productIds = new UUID[learnt.size()];
            String[] names = new String[learnt.size()];
            for (int item = 0; item < learnt.size(); item++) {
                CatalogueItem known = items.get(learnt.skus[item]);
                if (known != null) {
                    productIds[item] = known.productId();
                    names[item] = known.name();
                }
            }
            ItemModel built = learnt.withCatalogue(productIds, names);
            current.set(built);
            reread.values().removeIf(at -> at < started);
            live.replaceAll((id, list) -> reread(id) ? list
                    : list.stream().filter(i -> i.seq() > built.lastSeq).toList());
            live.values().removeIf(List::isEmpty);
            log.info("Recommendations model built from {} interactions: {} products, {} customers in {} ms",
                    built.interactions, built.size(), built.histories.size(), built.buildMillis);
            return status();
        } finally {
            building.unlock();
        }
    }

    Recommendations.ModelStatus status() {
        ItemModel model = current.get();
        return new Recommendations.ModelStatus(model.size(), model.histories.size(), model.interactions,
                model.builtAt, model.trainedUntil, model.buildMillis);
    }

    /** The catalogue's items of every product learnt, read once per build in slices. */
    private Map<String, CatalogueItem> catalogueItems(List<Interaction> interactions) {
        Set<Sku> skus = new LinkedHashSet<>();
        for (Interaction interaction : interactions) {
            try {
                skus.add(new Sku(interaction.sku()));
            } catch (InvalidRequestException notASku) {
                // Not a catalogue code: shown by the name the events gave it, its own group.
            }
        }
        Map<String, CatalogueItem> items = new HashMap<>();
        List<Sku> all = new ArrayList<>(skus);
        for (int from = 0; from < all.size(); from += 1_000) {
            catalogue.items(all.subList(from, Math.min(all.size(), from + 1_000)))
                    .forEach((sku, item) -> items.put(sku.value(), item));
        }
        return items;
    }

    /** Each product's first category, so that a category bought again and again counts for all its products. */
    private static Map<String, String> groups(Map<String, CatalogueItem> items) {
        Map<String, String> groups = new HashMap<>();
        items.forEach((sku, item) -> {
            if (!item.categoryIds().isEmpty()) {
                groups.put(sku, "category:" + item.categoryIds().getFirst());
            }
        });
        return groups;
    }
}
