package io.throughline.recommendations.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.customers.CustomerProfiles;
import io.throughline.events.Identifier;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.StaffPermission;
import io.throughline.privacy.AccessAudit;
import io.throughline.recommendations.Placement;
import io.throughline.recommendations.RecommendationList;
import io.throughline.recommendations.RecommendationRequest;
import io.throughline.recommendations.Recommendations;
import io.throughline.tracking.Channels;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recommendations for a customer (by identity), a guest (by anonymous id) or nobody in particular. */
@RestController
@RequestMapping("/api/recommendations")
@Tag(name = "Recommendations", description = "Products to offer, each with why, within the channel's range and stock")
class RecommendationController {

    static final int MAX_LIMIT = 50;

    private final Recommendations recommendations;
    private final CustomerProfiles profiles;
    private final Channels channels;
    private final AccessAudit audit;

    RecommendationController(Recommendations recommendations, CustomerProfiles profiles, Channels channels,
            AccessAudit audit) {
        this.recommendations = recommendations;
        this.profiles = profiles;
        this.channels = channels;
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize(StaffPermission.Rules.READ_RECOMMENDATIONS)
    @Operation(summary = "Recommendations for a placement; identity=TYPE:VALUE (as for customers) or anonymousId, "
            + "or neither for a non-personal list. An unknown customer gets the non-personal list.")
    RecommendationList recommend(Authentication staff, @RequestParam(required = false) @Nullable String identity,
            @RequestParam(required = false) @Nullable String anonymousId,
            @RequestParam(defaultValue = "home") String placement, @RequestParam(defaultValue = "10") int limit,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable List<String> sku,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable UUID pickupLocation) {
        Placement where = Placement.of(placement).orElseThrow(() -> new InvalidRequestException("placement",
                "must be one of product-page, cart, email, sms, till, agent, home, popular, trending"));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (identity != null && anonymousId != null) {
            throw new InvalidRequestException("identity", "give identity or anonymousId, not both");
        }
        List<String> skus = sku == null ? List.of() : sku.stream().map(String::strip)
                .filter(value -> !value.isEmpty()).map(value -> value.toUpperCase(java.util.Locale.ROOT)).toList();
        if ((where == Placement.PRODUCT_PAGE || where == Placement.CART) && skus.isEmpty()) {
            throw new InvalidRequestException("sku", "names the product shown or the cart's products for "
                    + where.key());
        }
        String channelKey = channel == null || channel.isBlank() ? null : channels.resolve(channel).key();
        Optional<UUID> customer = customer(identity, anonymousId);
        customer.ifPresent(found -> audit.record(CurrentStaff.id(staff), List.of(found), "recommendations"));
        return recommendations.recommend(new RecommendationRequest(customer.orElse(null), where, channelKey, skus,
                region == null || region.isBlank() ? null : region.strip(), pickupLocation, limit));
    }

    /** Her profile's id only: the answer reads the model, not her profile. */
    private Optional<UUID> customer(@Nullable String identity, @Nullable String anonymousId) {
        if (anonymousId != null && !anonymousId.isBlank()) {
            return profiles.profileIdByIdentity(Identifier.ANONYMOUS_ID, anonymousId.strip());
        }
        if (identity == null || identity.isBlank()) {
            return Optional.empty();
        }
        int colon = identity.indexOf(':');
        if (colon <= 0 || colon == identity.length() - 1) {
            throw new InvalidRequestException("identity", "must be type:value, e.g. email:ann@example.com");
        }
        return profiles.profileIdByIdentity(identity.substring(0, colon), identity.substring(colon + 1));
    }

    @GetMapping("/model")
    @PreAuthorize(StaffPermission.Rules.READ_RECOMMENDATIONS)
    Recommendations.ModelStatus model() {
        return recommendations.status();
    }

    @PostMapping("/model")
    @PreAuthorize(StaffPermission.Rules.MANAGE_RECOMMENDATIONS)
    @Operation(summary = "Build the model again now from everything learnt; answers continue from the old one")
    Recommendations.ModelStatus rebuild() {
        return recommendations.rebuild();
    }
}
