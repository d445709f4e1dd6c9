package io.throughline.recommendations;

import io.throughline.platform.Money;
import io.throughline.recommendations.RecommendationList.Basis;
import java.util.List;

/**
 * What a message may offer her.
 *
 * @param personal       whether her own history shaped the lists (a template may say "for you" only then)
 * @param basis          why they are personal or not
 * @param forYou         "for you" from her history; the best sellers when it is not personal
 * @param boughtTogether bought together with her latest order; empty when nothing personal may be used
 */
public record MessageRecommendations(boolean personal, Basis basis, List<Product> forYou,
        List<Product> boughtTogether) {

    /**
     * One product as a message shows it.
     *
     * @param priceText   the price written for customers, e.g. "14 638 Ft"
     * @param url         the product's page in the shop
     * @param explanation why, in English words
     */
    public record Product(String sku, String name, Money price, String priceText, String url, String explanation) {}

    public MessageRecommendations {
        forYou = List.copyOf(forYou);
        boughtTogether = List.copyOf(boughtTogether);
    }
}
