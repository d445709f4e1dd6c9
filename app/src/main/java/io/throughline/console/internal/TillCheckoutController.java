package io.throughline.console.internal;

import io.throughline.carts.Cart;
import io.throughline.carts.Carts;
import io.throughline.customers.CustomerProfiles;
import io.throughline.inventory.StockLocation;
import io.throughline.messaging.ChannelDecision;
import io.throughline.inventory.StockLocations;
import io.throughline.orders.CheckoutRequest;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.Order;
import io.throughline.orders.Orders;
import io.throughline.orders.PaymentMethod;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import io.throughline.platform.ThroughlineException;
import io.throughline.privacy.AccessAudit;
import io.throughline.tracking.Channels;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Taking the money at the till and the receipt. Cash is counted against the total before anything is placed, so
 * that too little money is refused at the amount field and the change is known; the card terminal has approved
 * before the associate presses "Paid by card". The sale is handed over across the counter at checkout.
 */
@Controller
@RequestMapping("/till")
@PreAuthorize(StaffPermission.Rules.SELL_AT_TILL)
class TillCheckoutController {

    private final Carts carts;
    private final Orders orders;
    private final TillShops shops;
    private final StockLocations locations;
    private final CustomerProfiles customers;
    private final AccessAudit audit;
    private final Channels channels;
    private final TillReceiptMail mail;

    TillCheckoutController(Carts carts, Orders orders, TillShops shops, StockLocations locations,
            CustomerProfiles customers, AccessAudit audit, Channels channels, TillReceiptMail mail) {
        this.mail = mail;
        this.carts = carts;
        this.orders = orders;
        this.shops = shops;
        this.locations = locations;
        this.customers = customers;
        this.audit = audit;
        this.channels = channels;
    }

    /**
     * @param tendered the cash the shopper handed over, in the currency's units as the associate types them
     */
    @PostMapping("/sales/{id}/pay")
    String pay(@PathVariable UUID id, @RequestParam PaymentMethod method,
            @RequestParam(required = false) @Nullable String tendered, @RequestParam String idempotencyKey,
            HttpServletRequest request, RedirectAttributes redirect) {
        StockLocation shop = shops.current(request).orElse(null);
        if (shop == null) {
            return "redirect:/till";
        }
        Cart cart = carts.peek(id, shop.code());
        if (method != PaymentMethod.CASH && method != PaymentMethod.CARD_PRESENT) {
            return refused(id, redirect, "payment", TillText.of("till.error.method"), null);
        }
        Money given = null;
        if (method == PaymentMethod.CASH) {
            if (cart.quote() == null) {
                return refused(id, redirect, "payment", TillText.of("till.error.nothing"), tendered);
            }
            given = tendered(tendered, cart.currency());
            if (given == null) {
                return refused(id, redirect, "tendered", TillText.of("till.error.tendered"), tendered);
            }
            if (given.compareTo(cart.quote().total()) < 0) {
                return refused(id, redirect, "tendered", TillText.of("till.error.tendered.short",
                        MoneyFormat.format(cart.quote().total(), org.springframework.context.i18n
                                .LocaleContextHolder.getLocale())), tendered);
            }
        }
        try {
            Order order = orders.checkout(new CheckoutRequest(id, DeliveryMethod.COUNTER, null,
                    new CheckoutRequest.PaymentDetails(method, null)), channels.resolve(shop.code()),
                    cart.profileId(), idempotencyKey).order();
            if (given != null) {
                redirect.addAttribute("tendered", given.minor());
            }
            return "redirect:/till/receipts/" + order.id();
        } catch (ThroughlineException refusal) {
            return refused(id, redirect, "payment", TillRefusals.of(refusal), tendered);
        }
    }

    /** The receipt as the shopper takes it home; the page prints as it is shown. */
    @GetMapping("/receipts/{orderId}")
    String receipt(@PathVariable UUID orderId, @RequestParam(required = false) @Nullable Long tendered,
            Authentication staff, Model model) {
        Order order = orders.get(orderId);
        model.addAttribute("area", ConsoleArea.CARTS);
        model.addAttribute("order", order);
        model.addAttribute("shopName", shopName(order));
        if (order.profileId() != null) {
            audit.record(CurrentStaff.id(staff), List.of(order.profileId()), "console:till:receipt");
            model.addAttribute("customer", customers.get(order.profileId()));
        }
        boolean cash = order.payments().stream().anyMatch(payment -> payment.method() == PaymentMethod.CASH);
        if (cash && tendered != null && tendered >= order.total().minor()) {
            model.addAttribute("tendered", new Money(tendered, order.currency()));
            model.addAttribute("change", new Money(tendered - order.total().minor(), order.currency()));
        }
        return "console/till/receipt";
    }

    /** Sends the receipt to the email her profile has; said on the receipt page when it cannot go. */
    @PostMapping("/receipts/{orderId}/email")
    String email(@PathVariable UUID orderId, @RequestParam(required = false) @Nullable Long tendered,
            Authentication staff, RedirectAttributes redirect) {
        Order order = orders.get(orderId);
        if (tendered != null) {
            redirect.addAttribute("tendered", tendered);
        }
        String email = order.profileId() == null ? null : customers.get(order.profileId()).email();
        if (order.profileId() == null || email == null) {
            redirect.addFlashAttribute("mailProblem", TillText.of("till.receipt.noEmail"));
            return "redirect:/till/receipts/" + orderId;
        }
        audit.record(CurrentStaff.id(staff), List.of(order.profileId()), "console:till:receipt-email");
        switch (mail.send(order, order.profileId(), shopName(order))) {
            case ChannelDecision.Send sent -> redirect.addFlashAttribute("mailNotice",
                    TillText.of("till.receipt.sent", email));
            case ChannelDecision.Hold held -> redirect.addFlashAttribute("mailProblem",
                    TillText.of("till.receipt.held", String.join("; ", held.reasons())));
            case ChannelDecision.Skip skipped -> redirect.addFlashAttribute("mailProblem",
                    TillText.of("till.receipt.notSent", String.join("; ", skipped.reasons())));
        }
        return "redirect:/till/receipts/" + orderId;
    }

    private String shopName(Order order) {
        UUID soldAt = order.pickupLocationId() != null ? order.pickupLocationId()
                : order.shipments().isEmpty() ? null : order.shipments().getFirst().locationId();
        return soldAt == null ? order.channel() : locations.get(soldAt).name();
    }

    /** The amount typed, in whole or decimal units ("20000", "20 000", "12,50"); null when it is not money. */
    static @Nullable Money tendered(@Nullable String typed, String currency) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String digits = typed.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace(',', '.');
        try {
            BigDecimal amount = new BigDecimal(digits);
            return amount.signum() <= 0 ? null : Money.of(amount, currency);
        } catch (NumberFormatException | InvalidRequestException | ArithmeticException notMoney) {
            return null;
        }
    }

    private static String refused(UUID id, RedirectAttributes redirect, String field, TillText problem,
            @Nullable String typed) {
        redirect.addFlashAttribute("errors", Map.of(field, problem));
        if (typed != null) {
            redirect.addFlashAttribute("typed", Map.of("tendered", typed));
        }
        return "redirect:/till/sales/" + id;
    }
}
