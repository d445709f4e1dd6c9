package io.throughline.console.internal;

import io.throughline.carts.Cart;
import io.throughline.carts.CartState;
import io.throughline.carts.Carts;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The recommendations panels, loaded into Customer 360 (her next best offers, with why), a product's page (bought
 * and viewed together), the till's sale and the service conversation (the next best offer) once those pages are
 * shown, so that none waits for them.
 */
@Controller
@PreAuthorize(StaffPermission.Rules.READ_RECOMMENDATIONS)
class RecommendationPagesController {

    static final int SHOWN = 6;
    /** A counter or a call has room for a few offers, not a shelf of them. */
    static final int OFFERED = 3;

    private final Recommendations recommendations;
    private final Products products;
    private final Sources sources;
    private final Carts carts;
    private final AccessAudit audit;

    RecommendationPagesController(Recommendations recommendations, Products products, Sources sources, Carts carts,
            AccessAudit audit) {
        this.recommendations = recommendations;
        this.products = products;
        this.sources = sources;
        this.carts = carts;
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

    /**
     * The next best offer at the till: for her when the sale is hers, with what goes with what is in it, within what
     * the shop sells and has on its shelves; {@code till} adds a button that puts an offer in the sale.
     */
    @GetMapping("/carts/{id}/next-best-offer")
    String forSale(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean till, Authentication staff,
            Model model) {
        Cart cart = carts.peek(id, null);
        if (cart.profileId() != null) {
            audit.record(CurrentStaff.id(staff), List.of(cart.profileId()), "recommendations");
        }
        List<String> skus = cart.lines().stream().map(Cart.Line::sku).toList();
        model.addAttribute("addTo", till && cart.state() == CartState.OPEN ? cart.id() : null);
        list(recommendations.recommend(new RecommendationRequest(cart.profileId(), Placement.TILL, cart.channel(),
                skus, null, null, OFFERED)), model);
        return "console/recommendations/offer :: list";
    }

    /** The next best offer on the agent's screen: from her history, and what goes with her open cart. */
    @GetMapping("/customers/{id}/next-best-offer")
    String forCall(@PathVariable UUID id, Authentication staff, Model model) {
        audit.record(CurrentStaff.id(staff), List.of(id), "recommendations");
        List<String> skus = carts.openCartOf(id).map(cart -> cart.lines().stream().map(Cart.Line::sku).toList())
                .orElse(List.of());
        list(recommendations.recommend(new RecommendationRequest(id, Placement.AGENT, null, skus, null, null,
                OFFERED)), model);
        return "console/recommendations/offer :: list";
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
