package io.throughline.recommendations.internal;

import io.throughline.platform.Money;
import io.throughline.platform.MoneyText;
import io.throughline.platform.ThroughlineException;
import io.throughline.pricing.Pricing;
import io.throughline.pricing.Quote;
import io.throughline.pricing.QuoteRequest;
import io.throughline.recommendations.MessageRecommendations;
import io.throughline.recommendations.Placement;
import io.throughline.recommendations.Recommendation;
import io.throughline.recommendations.RecommendationList;
import io.throughline.recommendations.RecommendationList.Basis;
import io.throughline.recommendations.RecommendationRequest;
import io.throughline.recommendations.RecommendationsForMessages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The lists a message to her may show, on the channel its links lead to (the web shop by default): "for you", and
 * bought together with her latest order, each product priced by that channel's quote for her and written in the
 * brand's currency format, with its link. A product the channel cannot price is left out rather than shown without
 * a price. Her latest order is read only when her list may be personal.
 */
@Component
class MessageProducts implements RecommendationsForMessages {

    /** Candidates asked for per product shown, as some fall out for want of a price. */
    private static final int SPARE = 3;

    private final RecommendationService recommendations;
    private final ModelKeeper keeper;
    private final Pricing pricing;
    private final RecommendationsProperties.Messages settings;

    MessageProducts(RecommendationService recommendations, ModelKeeper keeper, Pricing pricing,
            RecommendationsProperties properties) {
        this.recommendations = recommendations;
        this.keeper = keeper;
        this.pricing = pricing;
        this.settings = properties.messageSettings();
    }

    @Override
    public MessageRecommendations forMessage(UUID profileId, Placement placement, int limit) {
        Placement where = placement == Placement.SMS ? Placement.SMS : Placement.EMAIL;
        int wanted = Math.max(1, limit);
        RecommendationList forYou = recommendations.recommend(new RecommendationRequest(profileId, where,
                settings.channel(), List.of(), null, null, wanted * SPARE));
        List<MessageRecommendations.Product> together = List.of();
        if (forYou.basis() == Basis.PERSONAL) {
            List<String> latest = latestOrder(profileId);
            if (!latest.isEmpty()) {
                // Not personal by itself, so asked without her: only what goes with the order counts here.
                RecommendationList withOrder = recommendations.recommend(new RecommendationRequest(null,
                        Placement.CART, settings.channel(), latest, null, null, wanted * SPARE));
                together = priced(withOrder.items().stream()
                        .filter(item -> item.reason().kind() == Recommendation.Reason.Kind.BOUGHT_TOGETHER)
                        .toList(), profileId, wanted);
            }
        }
        return new MessageRecommendations(forYou.personal(), forYou.basis(), priced(forYou.items(), profileId,
                wanted), together);
    }

    /** The products of her latest purchase the model knows. */
    private List<String> latestOrder(UUID profileId) {
        ItemModel model = keeper.model();
        long latest = Long.MIN_VALUE;
        for (Recommender.Seen seen : keeper.history(model, profileId)) {
            if (seen.kind() == InteractionKind.PURCHASE) {
                latest = Math.max(latest, seen.atMillis());
            }
        }
        Set<String> skus = new LinkedHashSet<>();
        for (Recommender.Seen seen : keeper.history(model, profileId)) {
            if (seen.kind() == InteractionKind.PURCHASE && seen.atMillis() == latest) {
                skus.add(model.skus[seen.item()]);
            }
        }
        return List.copyOf(skus);
    }

    private List<MessageRecommendations.Product> priced(List<Recommendation> items, UUID profileId, int limit) {
        List<MessageRecommendations.Product> products = new ArrayList<>();
        for (Recommendation item : items) {
            if (products.size() >= limit) {
                break;
            }
            Money price = price(item.sku(), profileId);
            if (price != null) {
                products.add(new MessageRecommendations.Product(item.sku(), item.name(), price,
                        MoneyText.format(price, settings.locale()), url(item.sku()), item.explanation()));
            }
        }
        return products;
    }

    private @Nullable Money price(String sku, UUID profileId) {
        try {
            Quote quote = pricing.quote(new QuoteRequest(settings.channel(), settings.currency(), profileId, null,
                    null, null, List.of(new QuoteRequest.LineRequest(sku, 1)), null));
            return quote.lines().isEmpty() ? null : quote.lines().getFirst().total();
        } catch (ThroughlineException notPriced) {
            return null;
        }
    }

    private String url(String sku) {
        return settings.productUrl().replace("{sku}", URLEncoder.encode(sku, StandardCharsets.UTF_8));
    }
}
