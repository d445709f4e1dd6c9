package io.throughline.recommendations.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.throughline.privacy.Consent;
import io.throughline.privacy.Consents;
import io.throughline.recommendations.Placement;
import io.throughline.recommendations.Recommendation;
import io.throughline.recommendations.RecommendationList;
import io.throughline.recommendations.RecommendationList.Basis;
import io.throughline.recommendations.RecommendationRequest;
import io.throughline.recommendations.Recommendations;
import io.throughline.tracking.Source;
import io.throughline.tracking.Sources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Answers a request: the candidates of its placement from the model, then the guardrails — only what the asking
 * channel sells and has in stock (at her pickup shop when asked), not what she just bought unless it is bought
 * again and again, each product once — and the channel's best sellers to fill the list. Her history is not read
 * at all when she opted out of personalisation.
 */
@Service
class RecommendationService implements Recommendations {

    /** How much her own taste weighs against what goes with her cart, in the cart. */
    static final double CART_PERSONAL_WEIGHT = 0.5;
    /** How much what goes with the cart in hand weighs against "for you", at the till and on the agent's screen. */
    static final double WITH_CART_WEIGHT = 0.5;

    private final ModelKeeper keeper;
    private final Assortments assortments;
    private final Consents consents;
    private final Recommender recommender;
    private final LoadingCache<String, String> places;

    RecommendationService(ModelKeeper keeper, Assortments assortments, Consents consents, Sources sources) {
        this.keeper = keeper;
        this.assortments = assortments;
        this.consents = consents;
        this.recommender = new Recommender(keeper.settings());
        this.places = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(Duration.ofMinutes(5))
                .build(channel -> sources.findByChannel(channel).map(Source::name).orElse(channel));
    }

    @Override
    public RecommendationList recommend(RecommendationRequest request) {
        ItemModel model = keeper.model();
        Instant now = keeper.now();
        UUID profileId = request.profileId();
        boolean optedOut = profileId != null && optedOut(profileId);
        List<Recommender.Seen> history = profileId == null || optedOut ? List.of()
                : keeper.history(model, profileId);
        Set<Integer> excluded = new HashSet<>(history.isEmpty() ? Set.of()
                : recommender.justBought(model, history, now));
        int want = request.limit() * 4 + 20;
        List<Recommender.Candidate> candidates;
        Basis basis;
        Placement placement = request.placement();
        List<Integer> seeds = request.skus().stream().map(model::item).filter(Objects::nonNull).toList();
        excluded.addAll(seeds);
        switch (placement) {
            case PRODUCT_PAGE -> {
                candidates = recommender.together(model, seeds, want);
                basis = Basis.NOT_PERSONAL;
            }
            case POPULAR -> {
                candidates = List.of();
                basis = Basis.NOT_PERSONAL;
            }
            case TRENDING -> {
                candidates = recommender.trending(model, request.channel());
                basis = Basis.NOT_PERSONAL;
            }
            case CART -> {
                // Bought together with what is in the cart first; her own taste re-ranks it when she may be known.
                List<Recommender.Candidate> together = recommender.together(model, seeds, want);
                candidates = history.isEmpty() ? together : Recommender.blend(together, 1.0,
                        recommender.forYou(model, history, now, want), CART_PERSONAL_WEIGHT, want);
                basis = profileId == null ? Basis.NOT_PERSONAL : optedOut ? Basis.OPTED_OUT
                        : history.isEmpty() ? Basis.NO_HISTORY : Basis.PERSONAL;
            }
            default -> {
                // "For you"; at the till and on the agent's screen what goes with the cart in hand weighs too.
                List<Recommender.Candidate> together = seeds.isEmpty() ? List.of()
                        : recommender.together(model, seeds, want);
                List<Recommender.Candidate> forYou = history.isEmpty() ? List.of()
                        : recommender.forYou(model, history, now, want);
                candidates = Recommender.blend(forYou, 1.0, together, WITH_CART_WEIGHT, want);
                basis = profileId == null ? Basis.UNKNOWN_CUSTOMER : optedOut ? Basis.OPTED_OUT
                        : history.isEmpty() ? Basis.NO_HISTORY : Basis.PERSONAL;
            }
        }
        String region = request.region() != null ? request.region()
                : profileId == null || optedOut ? null : keeper.regionOf(model, profileId);
        List<Recommender.Candidate> chosen = new ArrayList<>();
        Set<Integer> taken = new HashSet<>(excluded);
        choose(candidates, request, model, taken, chosen);
        if (chosen.size() < request.limit()) {
            choose(recommender.popular(model, request.channel(), region), request, model, taken, chosen);
        }
        return new RecommendationList(placement, basis == Basis.PERSONAL, basis, present(model, chosen),
                model.builtAt);
    }

    private void choose(List<Recommender.Candidate> candidates, RecommendationRequest request, ItemModel model,
            Set<Integer> taken, List<Recommender.Candidate> chosen) {
        String channel = request.channel();
        for (Recommender.Candidate candidate : candidates) {
            if (chosen.size() >= request.limit()) {
                return;
            }
            if (taken.contains(candidate.item())) {
                continue;
            }
            String sku = model.skus[candidate.item()];
            if (channel != null && (!assortments.sells(channel, sku)
                    || !assortments.inStock(channel, sku, request.pickupLocation()))) {
                continue;
            }
            taken.add(candidate.item());
            chosen.add(candidate);
        }
    }

    /** Names and product ids as the catalogue had them at the build: an answer reads no table for them. */
    private List<Recommendation> present(ItemModel model, List<Recommender.Candidate> chosen) {
        List<Recommendation> presented = new ArrayList<>(chosen.size());
        for (Recommender.Candidate candidate : chosen) {
            int item = candidate.item();
            presented.add(new Recommendation(model.skus[item], model.productIds[item], model.nameOf(item),
                    candidate.score(), candidate.reason(),
                    Explanations.of(candidate.reason(), places::get)));
        }
        return presented;
    }

    /** Her latest word on personalisation, on any channel, decides. */
    private boolean optedOut(UUID profileId) {
        return consents.of(profileId).stream().filter(c -> c.purpose() == Consent.Purpose.PERSONALIZATION)
                .max(Comparator.comparing(Consent::recordedAt)).map(c -> !c.granted()).orElse(false);
    }

    @Override
    public ModelStatus status() {
        return keeper.status();
    }

    @Override
    public ModelStatus rebuild() {
        return keeper.rebuild();
    }
}
