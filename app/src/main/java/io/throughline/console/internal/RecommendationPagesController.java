package io.throughline.console.internal;

import io.throughline.catalog.Product;
import io.throughline.catalog.Products;
import io.throughline.catalog.Variant;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.StaffPermission;
import io.throughline.privacy.AccessAudit;
import io.throughline.recommendations.Placement;
import io.throughline.recommendations.RecommendationList;
import io.throughline.recommendations.RecommendationRequest;
import io.throughline.recommendations.Recommendations;
import io.throughline.tracking.Source;
import io.throughline.tracking.Sources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The recommendations panels, loaded into Customer 360 (her next best offers, with why) and into a product's page
 * (bought and viewed together) once those pages are shown, so that neither waits for them.
 */
@Controller
@PreAuthorize(StaffPermission.Rules.READ_RECOMMENDATIONS)
class RecommendationPagesController {

    static final int SHOWN = 6;

    private final Recommendations recommendations;
    private final Products products;
    private final Sources sources;
    private final AccessAudit audit;

    RecommendationPagesController(Recommendations recommendations, Products products, Sources sources,
            AccessAudit audit) {
        this.recommendations = recommendations;
        this.products = products;
        this.sources = sources;
        this.audit = audit;
    }

    @GetMapping("/customers/{id}/recommendations")
    String forCustomer(@PathVariable UUID id, Authentication staff, Model model) {
        audit.record(CurrentStaff.id(staff), List.of(id), "recommendations");
        return list(recommendations.recommend(new RecommendationRequest(id, Placement.AGENT, null, List.of(), null,
                null, SHOWN)), model);
    }

    @GetMapping("/catalog/products/{id}/recommendations")
    String forProduct(@PathVariable UUID id, Model model) {
        Product product = products.get(id);
        List<String> skus = product.variants().stream().map(Variant::sku).map(Object::toString).toList();
        return list(recommendations.recommend(new RecommendationRequest(null, Placement.PRODUCT_PAGE, null, skus,
                null, null, SHOWN)), model);
    }

    private String list(RecommendationList list, Model model) {
        Map<String, String> places = new HashMap<>();
        for (Source source : sources.list()) {
            places.putIfAbsent(source.channel(), source.name());
        }
        model.addAttribute("recommendations", list);
        model.addAttribute("places", places);
        return "console/recommendations/panel :: list";
    }
}
