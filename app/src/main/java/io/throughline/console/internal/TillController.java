package io.throughline.console.internal;

import io.throughline.carts.AtTill;
import io.throughline.carts.Cart;
import io.throughline.carts.Carts;
import io.throughline.carts.NewCart;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.inventory.StockLocation;
import io.throughline.platform.Channel;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.PageRequest;
import io.throughline.platform.ThroughlineException;
import io.throughline.privacy.AccessAudit;
import io.throughline.tracking.Channels;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import io.throughline.platform.StaffPermission;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shop associate's till: take over the cart a shopper hands off (by the code or its QR code, which a scanner
 * types into the code field) or start a sale, then scan or find products, change lines and coupons, and find the
 * customer. Every change is made as the shop's till (its channel) and brings the cart to the shop again, so what
 * the shop cannot hand over is said at its line with the way out. Payment, receipts and returns are in
 * {@link TillCheckoutController} and {@link TillReturnsController}.
 */
@Controller
@RequestMapping("/till")
@PreAuthorize(StaffPermission.Rules.SELL_AT_TILL)
class TillController {

    private final Carts carts;
    private final TillShops shops;
    private final TillCatalogue catalogue;
    private final CustomerProfiles customers;
    private final AccessAudit audit;
    private final Channels channels;

    TillController(Carts carts, TillShops shops, TillCatalogue catalogue, CustomerProfiles customers,
            AccessAudit audit, Channels channels) {
        this.carts = carts;
        this.shops = shops;
        this.catalogue = catalogue;
        this.customers = customers;
        this.audit = audit;
        this.channels = channels;
    }

    @GetMapping
    String start(HttpServletRequest request, Model model) {
        model.addAttribute("area", ConsoleArea.CARTS);
        model.addAttribute("shops", shops.shops());
        Optional<StockLocation> shop = shops.current(request);
        model.addAttribute("shop", shop.orElse(null));
        shop.ifPresent(found -> model.addAttribute("currency", shops.currency(found).orElse("")));
        return "console/till/start";
    }

    @PostMapping("/shop")
    String chooseShop(@RequestParam(required = false) @Nullable String shop, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!shops.choose(request, response, shop)) {
            redirect.addFlashAttribute("errors", Map.of("shop", ConsoleText.of("till.error.shop")));
        }
        return "redirect:/till";
    }

    /** The code the shopper shows, typed or scanned from its QR code. */
    @PostMapping("/claim")
    String claim(@RequestParam(required = false) @Nullable String code, HttpServletRequest request,
            RedirectAttributes redirect) {
        StockLocation shop = shopOrNull(request);
        if (shop == null) {
            return noShop(redirect);
        }
        if (code == null || code.isBlank()) {
            return back(redirect, "code", ConsoleText.of("till.error.code.empty"), code);
        }
        try {
            AtTill taken = carts.claimAtTill(code, shop.id(), channel(shop));
            redirect.addFlashAttribute("shortfalls", taken.shortfalls());
            redirect.addFlashAttribute("notice", ConsoleText.of("till.notice.claimed"));
            return "redirect:/till/sales/" + taken.cart().id();
        } catch (ThroughlineException refused) {
            return back(redirect, "code", TillRefusals.of(refused), code);
        }
    }

    /** A sale begun at the counter, for a shopper who hands nothing off; anonymous until a customer is attached. */
    @PostMapping("/sales")
    String newSale(@RequestParam(required = false) @Nullable String currency, HttpServletRequest request,
            RedirectAttributes redirect) {
        StockLocation shop = shopOrNull(request);
        if (shop == null) {
            return noShop(redirect);
        }
        try {
            Cart cart = carts.open(new NewCart("till-" + UUID.randomUUID(), null,
                    currency == null || currency.isBlank() ? shops.currency(shop).orElse("") : currency.strip()),
                    channel(shop)).cart();
            return "redirect:/till/sales/" + cart.id();
        } catch (ThroughlineException refused) {
            redirect.addFlashAttribute("errors", Map.of("currency", TillRefusals.of(refused)));
            return "redirect:/till";
        }
    }

    @GetMapping("/sales/{id}")
    String sale(@PathVariable UUID id, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String who,
            @RequestParam(required = false) @Nullable Long cashPart, HttpServletRequest request,
            Authentication staff, Model model) {
        StockLocation shop = shopOrNull(request);
        if (shop == null) {
            return "redirect:/till";
        }
        Cart cart = carts.peek(id, shop.code());
        model.addAttribute("area", ConsoleArea.CARTS);
        model.addAttribute("shop", shop);
        model.addAttribute("cart", cart);
        Map<String, Object> priced = new HashMap<>();
        if (cart.quote() != null) {
            cart.quote().lines().forEach(line -> priced.putIfAbsent(line.sku(), line));
        }
        model.addAttribute("priced", priced);
        Map<UUID, String> places = new LinkedHashMap<>();
        boolean allHere = !cart.lines().isEmpty();
        for (Cart.Line line : cart.lines()) {
            if (line.hold() != null) {
                places.computeIfAbsent(line.hold().locationId(), shops::name);
            }
            allHere &= line.hold() != null && line.hold().active() && line.hold().locationId().equals(shop.id());
        }
        model.addAttribute("places", places);
        model.addAttribute("allHere", allHere);
        if (cart.profileId() != null) {
            audit.record(CurrentStaff.id(staff), List.of(cart.profileId()), "console:till");
            model.addAttribute("customer", customers.get(cart.profileId()));
        }
        if (q != null && !q.isBlank()) {
            model.addAttribute("q", q.strip());
            model.addAttribute("found", catalogue.search(q, shop.code()));
        }
        if (who != null && !who.isBlank()) {
            List<CustomerProfile> matches = customers.search(who.strip(), new PageRequest(0, 10)).items();
            audit.record(CurrentStaff.id(staff), matches.stream().map(CustomerProfile::id).toList(),
                    "console:till:lookup");
            model.addAttribute("who", who.strip());
            model.addAttribute("matches", matches);
        }
        if (cashPart != null && cart.quote() != null) {
            TillCheckoutController.Split split = TillCheckoutController.Split.of(cashPart, cart.quote().total());
            model.addAttribute("split", split);
        }
        model.addAttribute("checkoutKey", "console-till-" + UUID.randomUUID());
        return "console/till/sale";
    }

    /** What a scanner typed (a GTIN or SKU) adds one unit at once; anything else is searched for. */
    @PostMapping("/sales/{id}/scan")
    String scan(@PathVariable UUID id, @RequestParam(required = false) @Nullable String q, HttpServletRequest request,
            RedirectAttributes redirect) {
        StockLocation shop = shopOrNull(request);
        if (shop == null) {
            return noShop(redirect);
        }
        if (q == null || q.isBlank()) {
            return toSale(id, redirect, "q", ConsoleText.of("till.error.search.empty"), q);
        }
        List<TillCatalogue.Found> found = catalogue.search(q, shop.code());
        Optional<TillCatalogue.Found> exact = catalogue.exactly(q, found);
        if (exact.isPresent()) {
            return change(id, shop, redirect, "q", q,
                    () -> carts.add(id, exact.get().sku(), 1, channel(shop), null),
                    ConsoleText.of("till.notice.added", exact.get().name()));
        }
        if (found.isEmpty()) {
            return toSale(id, redirect, "q", ConsoleText.of("till.error.search.none", q.strip()), q);
        }
        redirect.addAttribute("q", q.strip());
        return "redirect:/till/sales/" + id;
    }

    @PostMapping("/sales/{id}/lines")
    String add(@PathVariable UUID id, @RequestParam String sku, HttpServletRequest request, RedirectAttributes redirect) {
        StockLocation shop = shopOrNull(request);
        return shop == null ? noShop(redirect) : change(id, shop, redirect, "q", null,
                () -> carts.add(id, sku, 1, channel(shop), null), ConsoleText.of("till.notice.added", sku));
    }

    @PostMapping("/sales/{id}/lines/{sku}")
    String quantity(@PathVariable UUID id, @PathVariable String sku,
            @RequestParam(required = false) @Nullable String quantity, HttpServletRequest request,
            RedirectAttributes redirect) {
        StockLocation shop = shopOrNull(request);
        if (shop == null) {
            return noShop(redirect);
        }
        int wanted;
        try {
            wanted = Integer.parseInt(quantity == null ? "" : quantity.strip());
        } catch (NumberFormatException notANumber) {
            return toSale(id, redirect, "qty-" + sku, ConsoleText.of("till.error.quantity"), quantity);
        }
        if (wanted == 0) {
            return change(id, shop, redirect, "qty-" + sku, quantity,
                    () -> carts.remove(id, sku, channel(shop), null), ConsoleText.of("till.notice.removed"));
        }
        if (wanted < 0 || wanted > 999) {
            return toSale(id, redirect, "qty-" + sku, ConsoleText.of("till.error.quantity"), quantity);
        }
        return change(id, shop, redirect, "qty-" + sku, quantity,
                () -> carts.change(id, sku, wanted, channel(shop), null), ConsoleText.of("till.notice.changed"));
    }

    @PostMapping("/sales/{id}/lines/{sku}/remove")
    String remove(@PathVariable UUID id, @PathVariable String sku, HttpServletRequest request,
            RedirectAttributes redirect) {
        StockLocation shop = shopOrNull(request);
        return shop == null ? noShop(redirect) : change(id, shop, redirect, "qty-" + sku, null,
                () -> carts.remove(id, sku, channel(shop), null), ConsoleText.of("till.notice.removed"));
    }

    @PostMapping("/sales/{id}/coupons")
    String applyCoupon(@PathVariable UUID id, @RequestParam(required = false) @Nullable String code,
            HttpServletRequest request, RedirectAttributes redirect) {
        StockLocation shop = shopOrNull(request);
        if (shop == null) {
            return noShop(redirect);
        }
        if (code == null || code.isBlank()) {
            return toSale(id, redirect, "coupon", ConsoleText.of("till.error.coupon.empty"), code);
        }
        return change(id, shop, redirect, "coupon", code, () -> carts.applyCoupon(id, code, channel(shop), null),
                ConsoleText.of("till.notice.coupon"));
    }

    @PostMapping("/sales/{id}/coupons/{code}/remove")
    String removeCoupon(@PathVariable UUID id, @PathVariable String code, HttpServletRequest request,
            RedirectAttributes redirect) {
        StockLocation shop = shopOrNull(request);
        return shop == null ? noShop(redirect) : change(id, shop, redirect, "coupon", null,
                () -> carts.removeCoupon(id, code, channel(shop), null), ConsoleText.of("till.notice.coupon.removed"));
    }

    /** The customer the associate found: the sale becomes hers (her open cart's lines join it, as on sign-in). */
    @PostMapping("/sales/{id}/customer")
    String attach(@PathVariable UUID id, @RequestParam UUID profile, HttpServletRequest request,
            RedirectAttributes redirect) {
        StockLocation shop = shopOrNull(request);
        if (shop == null) {
            return noShop(redirect);
        }
        try {
            AtTill hers = carts.attachCustomer(id, profile, shop.id(), channel(shop));
            redirect.addFlashAttribute("shortfalls", hers.shortfalls());
            redirect.addFlashAttribute("notice", ConsoleText.of("till.notice.customer"));
            return "redirect:/till/sales/" + hers.cart().id();
        } catch (ThroughlineException refused) {
            return toSale(id, redirect, "who", TillRefusals.of(refused), null);
        }
    }

    /** Tries again to hold every line at the shop, after stock arrived or a line was settled. */
    @PostMapping("/sales/{id}/bring")
    String bring(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
        StockLocation shop = shopOrNull(request);
        return shop == null ? noShop(redirect) : change(id, shop, redirect, "lines", null, () -> null,
                ConsoleText.of("till.notice.brought"));
    }

    /**
     * Makes the change as the shop's till, then brings the cart to the shop so that a line just added or grown is
     * held here; a refusal comes back at the field it concerns, with what was typed.
     */
    private String change(UUID id, StockLocation shop, RedirectAttributes redirect, String field,
            @Nullable String typed, Supplier<@Nullable Cart> change, ConsoleText done) {
        try {
            change.get();
            AtTill atShop = carts.bringToShop(id, shop.id(), channel(shop));
            redirect.addFlashAttribute("shortfalls", atShop.shortfalls());
            redirect.addFlashAttribute("notice", done);
            return "redirect:/till/sales/" + id;
        } catch (ThroughlineException refused) {
            return toSale(id, redirect, field, TillRefusals.of(refused), typed);
        }
    }

    private static String toSale(UUID id, RedirectAttributes redirect, String field, ConsoleText problem,
            @Nullable String typed) {
        redirect.addFlashAttribute("errors", Map.of(field, problem));
        if (typed != null) {
            redirect.addFlashAttribute("typed", Map.of(field, typed));
        }
        return "redirect:/till/sales/" + id;
    }

    private static String back(RedirectAttributes redirect, String field, ConsoleText problem, @Nullable String typed) {
        redirect.addFlashAttribute("errors", Map.of(field, problem));
        redirect.addFlashAttribute("typed", Map.of(field, typed == null ? "" : typed));
        return "redirect:/till";
    }

    private static String noShop(RedirectAttributes redirect) {
        redirect.addFlashAttribute("errors", Map.of("shop", ConsoleText.of("till.error.shop.first")));
        return "redirect:/till";
    }

    private @Nullable StockLocation shopOrNull(HttpServletRequest request) {
        return shops.current(request).orElse(null);
    }

    private Channel channel(StockLocation shop) {
        return channels.resolve(shop.code());
    }
}
