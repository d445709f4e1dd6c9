package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Variant;
import io.throughline.recommendations.MessageRecommendations;
import io.throughline.recommendations.Placement;
import io.throughline.recommendations.RecommendationsForMessages;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The recommendations a template may insert: {@code forYou} and {@code boughtTogether}, lists of products each with
 * {@code name}, {@code sku}, {@code price} (written in the brand's currency format), {@code url} and
 * {@code explanation}, and {@code recommendationsPersonal}, false when she opted out of personalisation or nothing
 * of hers is known (the lists are then the best sellers, and bought together is empty), e.g.
 * {@code {{#forYou}}<a href="{{url}}">{{name}}</a> {{price}}{{/forYou}}}. Asked of recommendations only when one of
 * the variant's templates names them, so other sends cost nothing more.
 */
@Component
class RecommendedProducts {

    static final String FOR_YOU = "forYou";
    static final String BOUGHT_TOGETHER = "boughtTogether";
    static final String PERSONAL = "recommendationsPersonal";
    /** An email has room for a row of products; a text message for one. */
    static final int EMAIL_LIMIT = 4;
    static final int SMS_LIMIT = 1;

    private static final Pattern NAMED = Pattern.compile("\\{\\{\\s*[#^/]?\\s*(" + FOR_YOU + "|" + BOUGHT_TOGETHER
            + "|" + PERSONAL + ")\\b");

    private final RecommendationsForMessages recommendations;

    RecommendedProducts(RecommendationsForMessages recommendations) {
        this.recommendations = recommendations;
    }

    /** The values for the variant's templates; none when no template names them. */
    Map<String, Object> valuesFor(Variant variant, UUID profileId) {
        if (variant.templates().values().stream().noneMatch(template -> NAMED.matcher(template).find())) {
            return Map.of();
        }
        boolean sms = variant.channel() == MessageChannel.SMS;
        MessageRecommendations offered = recommendations.forMessage(profileId, sms ? Placement.SMS : Placement.EMAIL,
                sms ? SMS_LIMIT : EMAIL_LIMIT);
        Map<String, Object> values = new HashMap<>();
        values.put(FOR_YOU, products(offered.forYou(), sms));
        values.put(BOUGHT_TOGETHER, products(offered.boughtTogether(), sms));
        values.put(PERSONAL, offered.personal());
        return values;
    }

    // Maps, as templates look into maps and lists only.
    private static List<Map<String, Object>> products(List<MessageRecommendations.Product> products, boolean sms) {
        return products.stream().map(product -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", product.name());
            values.put("sku", product.sku());
            // A no-break space (in "14 638 Ft") is outside the GSM alphabet and would double a text message's cost.
            values.put("price", sms ? product.priceText().replace('\u00a0', ' ').replace('\u202f', ' ')
                    : product.priceText());
            values.put("url", product.url());
            values.put("explanation", product.explanation());
            return values;
        }).toList();
    }
}
