package io.throughline.console.internal;

import io.throughline.customers.CustomerProfiles;
import io.throughline.platform.StaffPermission;
import io.throughline.inventory.Availability;
import io.throughline.inventory.LocationKind;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.orders.CheckoutRequest;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.Fulfilments;
import io.throughline.orders.Order;
import io.throughline.orders.OrderState;
import io.throughline.orders.OrderSummary;
import io.throughline.orders.Orders;
import io.throughline.orders.PaymentMethod;
import io.throughline.orders.RefundTo;
import io.throughline.orders.ReturnRequest;
import io.throughline.orders.Returns;
import io.throughline.orders.ShopScope;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.StaffAccounts;
import io.throughline.platform.PageRequest;
import io.throughline.platform.ThroughlineException;
import io.throughline.privacy.AccessAudit;
import io.throughline.tracking.Channels;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * Orders for staff: an order as it was sold, with its payments, shipments and returns; and a shop's work — the
 * click &amp; collect orders to prepare and to hand over with their pickup codes, the pick list, returns taken
 * back at the counter, and checking a cart out at the till. Every change goes through the orders API and comes
 * back to the page it was made from (POST-redirect-GET), with what happened or why it was refused.
 */
@Controller
@RequestMapping("/orders")
@PreAuthorize(StaffPermission.Rules.SELL)
class OrderPagesController {

    static final int ORDERS_PER_PAGE = 25;
    static final int RETURNS_PER_PAGE = 25;

    /** A click &amp; collect order at the shop with what to pick for it. */
    record ToPrepare(UUID orderId, String number, List<Fulfilments.PickListEntry> lines) {}

    private final Orders orders;
    private final Fulfilments fulfilments;
    private final Returns returns;
    private final StockLocations locations;
    private final AccessAudit audit;
    private final Availability availability;
    private final Channels channels;
    private final CustomerProfiles customers;
    private final TillShops tillShops;
    private final StaffAccounts staffAccounts;

    OrderPagesController(Orders orders, Fulfilments fulfilments, Returns returns, StockLocations locations,
            AccessAudit audit, Availability availability, Channels channels, CustomerProfiles customers,
            TillShops tillShops, StaffAccounts staffAccounts) {
        this.staffAccounts = staffAccounts;
        this.customers = customers;
        this.tillShops = tillShops;
        this.availability = availability;
        this.channels = channels;
        this.orders = orders;
        this.fulfilments = fulfilments;
        this.returns = returns;
        this.locations = locations;
        this.audit = audit;
    }

    /**
     * Every channel's orders, newest first, narrowed by number, channel, state and location; or one customer's
     * orders, as Customer 360 links to them.
     */
    @GetMapping
    String list(@RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable OrderState state,
            @RequestParam(required = false) @Nullable String location,
            @RequestParam(required = false) @Nullable UUID customer,
            @RequestParam(defaultValue = "0") int page, Authentication staff, Model model) {
        List<StockLocation> all = allLocations();
        StockLocation at = blank(location) ? null : all.stream()
                .filter(candidate -> candidate.code().equals(location.strip())).findFirst().orElse(null);
        PageRequest request = new PageRequest(page, ORDERS_PER_PAGE);
        Page<OrderSummary> results;
        if (customer != null) {
            audit.record(CurrentStaff.id(staff), List.of(customer), "console:orders");
            results = orders.ofCustomer(customer, request);
        } else {
            results = orders.list(new Orders.Filter(blank(number) ? null : number.strip(),
                    blank(channel) ? null : channel.strip(), state, at == null ? null : at.id()), request);
        }
        if (results.totalItems() == 1 && !blank(number) && customer == null) {
            return "redirect:/orders/" + results.items().getFirst().id();
        }
        model.addAttribute("area", ConsoleArea.ORDERS);
        model.addAttribute("results", results);
        model.addAttribute("names", names(results.items(), staff, "console:orders"));
        model.addAttribute("number", blank(number) ? "" : number.strip());
        model.addAttribute("channel", blank(channel) ? "" : channel.strip());
        model.addAttribute("state", state);
        model.addAttribute("states", OrderState.values());
        model.addAttribute("location", at == null ? "" : at.code());
        model.addAttribute("customer", customer);
        model.addAttribute("locations", all);
        model.addAttribute("channels", availability.channels());
        return "console/orders/list";
    }

    @GetMapping("/{id}")
    String order(@PathVariable UUID id, Authentication staff, HttpServletRequest request, Model model) {
        Order order = orders.get(id);
        if (order.profileId() != null) {
            // The page shows her name, her delivery address and what she bought.
            audit.record(CurrentStaff.id(staff), List.of(order.profileId()), "console:order");
            model.addAttribute("customerName", customers.get(order.profileId()).displayName());
        }
        // Goods come back at the counter the associate works at, not the alphabetically first shop.
        model.addAttribute("receivingShop", tillShops.current(request).map(StockLocation::id).orElse(null));
        model.addAttribute("area", ConsoleArea.ORDERS);
        model.addAttribute("order", order);
        model.addAttribute("locations", locationNames());
        model.addAttribute("shops", shops());
        return "console/orders/detail";
    }

    /** Staff cancel an order nothing of which has been handed over: its stock goes back, its payment is given back. */
    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        if (blank(reason)) {
            redirect.addFlashAttribute("problem", ConsoleText.of("orders.cancel.reason.missing"));
            return "redirect:/orders/" + id;
        }
        try {
            Order order = orders.cancel(id, "console", reason.strip());
            redirect.addFlashAttribute("notice", ConsoleText.of("orders.cancelled", order.number()));
        } catch (ThroughlineException refused) {
            redirect.addFlashAttribute("problem", ConsoleRefusals.of(refused));
        }
        return "redirect:/orders/" + id;
    }

    /** The shop's click &amp; collect queue: orders to prepare, and orders waiting for their customers. */
    @GetMapping("/pickups")
    @PreAuthorize("hasAnyRole('ADMIN', 'STORE_ASSOCIATE')")
    String pickups(@RequestParam(required = false) @Nullable String location,
            @RequestParam(defaultValue = "0") int page, Authentication staff, HttpServletRequest request,
            Model model) {
        StockLocation shop = mine(chosen(location == null || location.isBlank()
                ? tillShops.current(request).map(StockLocation::code).orElse(null) : location, model), staff);
        if (shop != null) {
            Map<UUID, ToPrepare> toPrepare = new LinkedHashMap<>();
            for (Fulfilments.PickListEntry entry : fulfilments.pickList(shop.id())) {
                if (entry.delivery() == DeliveryMethod.PICKUP) {
                    toPrepare.computeIfAbsent(entry.orderId(),
                            order -> new ToPrepare(order, entry.orderNumber(), new ArrayList<>())).lines().add(entry);
                }
            }
            model.addAttribute("toPrepare", List.copyOf(toPrepare.values()));
            Page<OrderSummary> due = fulfilments.pickupsDue(shop.id(), new PageRequest(page, ORDERS_PER_PAGE));
            model.addAttribute("due", due);
            model.addAttribute("names", names(due.items(), staff, "console:pickups"));
        }
        return "console/orders/pickups";
    }

    @PostMapping("/{id}/ready")
    @PreAuthorize("hasAnyRole('ADMIN', 'STORE_ASSOCIATE')")
    String ready(@PathVariable UUID id, @RequestParam UUID location, Authentication staff,
            RedirectAttributes redirect) {
        StockLocation shop = locations.get(mayWork(location, staff));
        try {
            Order order = fulfilments.readyForPickup(id, shop.id());
            redirect.addFlashAttribute("notice", ConsoleText.of("orders.pickups.readied", order.number()));
        } catch (ThroughlineException refused) {
            redirect.addFlashAttribute("problem", ConsoleRefusals.of(refused));
        }
        redirect.addAttribute("location", shop.code());
        return "redirect:/orders/pickups";
    }

    @GetMapping("/pick-list")
    @PreAuthorize("hasAnyRole('ADMIN', 'STORE_ASSOCIATE')")
    String pickList(@RequestParam(required = false) @Nullable String location, Authentication staff, Model model) {
        StockLocation chosen = mine(chosenAnyLocation(location, model), staff);
        if (chosen != null) {
            model.addAttribute("entries", fulfilments.pickList(chosen.id()));
        }
        return "console/orders/pick-list";
    }

    /** Returns taken back at the shop, newest first. */
    @GetMapping("/returns")
    @PreAuthorize("hasAnyRole('ADMIN', 'STORE_ASSOCIATE')")
    String returns(@RequestParam(required = false) @Nullable String location,
            @RequestParam(defaultValue = "0") int page, Authentication staff, Model model) {
        StockLocation shop = mine(chosen(location, model), staff);
        if (shop != null) {
            model.addAttribute("received", returns.receivedAt(shop.id(), new PageRequest(page, RETURNS_PER_PAGE)));
        }
        return "console/orders/returns";
    }

    /**
     * Accepts the units the customer brought back. Each line's quantity comes as {@code qty-<SKU>}; lines left
     * at 0 are not returned.
     */
    @PostMapping("/{id}/returns")
    @PreAuthorize("hasAnyRole('ADMIN', 'STORE_ASSOCIATE')")
    String acceptReturn(@PathVariable UUID id, @RequestParam UUID location, @RequestParam RefundTo refundTo,
            @RequestParam(required = false) @Nullable String reason, @RequestParam Map<String, String> form,
            Authentication staff, RedirectAttributes redirect) {
        StockLocation shop = locations.get(mayWork(location, staff));
        List<ReturnRequest.Line> lines = new ArrayList<>();
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (field.getKey().startsWith("qty-") && !field.getValue().isBlank()) {
                int quantity = parseQuantity(field.getValue());
                if (quantity != 0) {
                    lines.add(new ReturnRequest.Line(field.getKey().substring(4), quantity));
                }
            }
        }
        if (lines.isEmpty()) {
            redirect.addFlashAttribute("problem", ConsoleText.of("orders.return.nothing"));
            return "redirect:/orders/" + id;
        }
        try {
            var accepted = returns.accept(id, new ReturnRequest(shop.id(), refundTo, lines,
                    reason == null || reason.isBlank() ? null : reason.strip()), channels.resolve(shop.code()));
            String refund = MoneyFormat.format(accepted.refund(), LocaleContextHolder.getLocale());
            redirect.addFlashAttribute("notice", switch (refundTo) {
                case STORE_CREDIT -> ConsoleText.of("orders.return.accepted.credit", shop.name(), refund);
                case ORIGINAL_PAYMENT -> ConsoleText.of("orders.return.accepted.payment", shop.name(), refund);
                case CASH -> ConsoleText.of("orders.return.accepted.cash", shop.name(), refund);
            });
        } catch (ThroughlineException refused) {
            redirect.addFlashAttribute("problem", ConsoleRefusals.of(refused));
        }
        return "redirect:/orders/" + id;
    }

    /**
     * The till checks the cart it has on screen out: paid in cash or on the card terminal, handed over across the
     * counter. The form carries an idempotency key made when it was shown, so a double click places one order.
     */
    @PostMapping("/checkout")
    @PreAuthorize("hasAnyRole('ADMIN', 'STORE_ASSOCIATE')")
    String checkout(@RequestParam UUID cart, @RequestParam String channel, @RequestParam PaymentMethod payment,
            @RequestParam(required = false) @Nullable UUID profile, @RequestParam String idempotencyKey,
            RedirectAttributes redirect) {
        try {
            var placed = orders.checkout(new CheckoutRequest(cart, DeliveryMethod.COUNTER, null,
                    new CheckoutRequest.PaymentDetails(payment, null)), channels.resolve(channel), profile,
                    idempotencyKey);
            redirect.addFlashAttribute("notice", ConsoleText.of("orders.placed", placed.order().number()));
            return "redirect:/orders/" + placed.order().id();
        } catch (ThroughlineException refused) {
            redirect.addFlashAttribute("problem", ConsoleRefusals.of(refused));
            redirect.addAttribute("channel", channel);
            return "redirect:/carts/" + cart;
        }
    }

    /** The shop asked for by its code, the only one there is, or null with the choice left to the page. */
    /** A store associate with a shop works that shop's queue only ({@link ShopScope}). */
    private @Nullable StockLocation mine(@Nullable StockLocation chosen, Authentication staff) {
        if (chosen != null) {
            mayWork(chosen.id(), staff);
        }
        return chosen;
    }

    private UUID mayWork(UUID location, Authentication staff) {
        ShopScope.check(staffAccounts.get(CurrentStaff.id(staff)), location);
        return location;
    }

    private @Nullable StockLocation chosen(@Nullable String code, Model model) {
        List<StockLocation> shops = shops();
        model.addAttribute("area", ConsoleArea.ORDERS);
        model.addAttribute("shops", shops);
        StockLocation chosen = code == null || code.isBlank() ? (shops.size() == 1 ? shops.getFirst() : null)
                : shops.stream().filter(shop -> shop.code().equals(code.strip())).findFirst()
                        .orElseThrow(() -> new NotFoundException("Shop", code));
        model.addAttribute("location", chosen);
        return chosen;
    }

    private @Nullable StockLocation chosenAnyLocation(@Nullable String code, Model model) {
        model.addAttribute("area", ConsoleArea.ORDERS);
        model.addAttribute("shops", allLocations());
        StockLocation chosen = code == null || code.isBlank() ? null
                : locations.findByCode(code.strip()).orElseThrow(() -> new NotFoundException("Location", code));
        model.addAttribute("location", chosen);
        return chosen;
    }

    private List<StockLocation> shops() {
        return allLocations().stream().filter(location -> location.kind() == LocationKind.SHOP).toList();
    }

    private List<StockLocation> allLocations() {
        return locations.list(new PageRequest(0, PageRequest.MAX_SIZE)).items();
    }

    private Map<UUID, String> locationNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        allLocations().forEach(location -> names.put(location.id(), location.name()));
        return names;
    }

    /** The names of the orders' customers, each read audited; guests have none. */
    private Map<UUID, String> names(List<OrderSummary> shown, Authentication staff, String action) {
        List<UUID> ids = shown.stream().map(OrderSummary::profileId).filter(java.util.Objects::nonNull).distinct()
                .toList();
        Map<UUID, String> names = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            audit.record(CurrentStaff.id(staff), ids, action);
            for (UUID id : ids) {
                try {
                    names.put(id, customers.get(id).displayName());
                } catch (NotFoundException erased) {
                    // An order may name a profile that can no longer be read; the list must still open without her name.
                }
            }
        }
        return names;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static int parseQuantity(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException("quantity", "must be a whole number");
        }
    }
}
