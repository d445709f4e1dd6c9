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
 * Taking the money at the till and the receipt. Cash is counted against the total before anything is placed, so
 * that too little money is refused at the amount field and the change is known; the card terminal has approved
 * before the associate presses "Paid by card". A split sale takes part of the total in cash first: the till shows
 * what remains for the card terminal, and the order records both tenders. The sale is handed over across the
 * counter at checkout.
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

    /** The cash part of a split sale and what remains of the total for the card terminal. */
    record Split(Money cash, Money rest) {

        /** The split of the total, or null when the cash part leaves nothing for the card or is no amount. */
        static @Nullable Split of(long cashMinor, Money total) {
            if (cashMinor <= 0 || cashMinor >= total.minor()) {
                return null;
            }
            return new Split(new Money(cashMinor, total.currency()),
                    new Money(total.minor() - cashMinor, total.currency()));
        }
    }

    /**
     * The cash she hands over for part of the sale: checked against the total, then the sale page shows what
     * remains for the card terminal.
     */
    @PostMapping("/sales/{id}/split")
    String split(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cashPart,
            HttpServletRequest request, RedirectAttributes redirect) {
        StockLocation shop = shops.current(request).orElse(null);
        if (shop == null) {
            return "redirect:/till";
        }
        Cart cart = carts.peek(id, shop.code());
        if (cart.quote() == null) {
            return refused(id, redirect, "payment", ConsoleText.of("till.error.nothing"), null);
        }
        Money cash = tendered(cashPart, cart.currency());
        if (cash == null) {
            return refusedSplit(id, redirect, ConsoleText.of("till.error.split.amount"), cashPart);
        }
        if (cash.compareTo(cart.quote().total()) >= 0) {
            return refusedSplit(id, redirect, ConsoleText.of("till.error.split.whole",
                    MoneyFormat.format(cart.quote().total(), LocaleContextHolder.getLocale())), cashPart);
        }
        redirect.addAttribute("cashPart", cash.minor());
        return "redirect:/till/sales/" + id + "#till-pay";
    }

    /**
     * @param tendered the cash the shopper handed over, in the currency's units as the associate types them
     * @param cashPart the cash part of a split sale in minor units; {@code method} then takes the rest
     */
    @PostMapping("/sales/{id}/pay")
    String pay(@PathVariable UUID id, @RequestParam PaymentMethod method,
            @RequestParam(required = false) @Nullable String tendered,
            @RequestParam(required = false) @Nullable Long cashPart, @RequestParam String idempotencyKey,
            HttpServletRequest request, RedirectAttributes redirect) {
        StockLocation shop = shops.current(request).orElse(null);
        if (shop == null) {
            return "redirect:/till";
        }
        Cart cart = carts.peek(id, shop.code());
        if (method != PaymentMethod.CASH && method != PaymentMethod.CARD_PRESENT) {
            return refused(id, redirect, "payment", ConsoleText.of("till.error.method"), null);
        }
        if (cashPart != null) {
            return paySplit(id, cart, cashPart, method, idempotencyKey, shop, redirect);
        }
        Money given = null;
        if (method == PaymentMethod.CASH) {
            if (cart.quote() == null) {
                return refused(id, redirect, "payment", ConsoleText.of("till.error.nothing"), tendered);
            }
            given = tendered(tendered, cart.currency());
            if (given == null) {
                return refused(id, redirect, "tendered", ConsoleText.of("till.error.tendered"), tendered);
            }
            if (given.compareTo(cart.quote().total()) < 0) {
                return refused(id, redirect, "tendered", ConsoleText.of("till.error.tendered.short",
                        MoneyFormat.format(cart.quote().total(), LocaleContextHolder.getLocale())), tendered);
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

    /** Part in cash, the rest on the card terminal: one order, two payments. */
    private String paySplit(UUID id, Cart cart, long cashPart, PaymentMethod method, String idempotencyKey,
            StockLocation shop, RedirectAttributes redirect) {
        if (cart.quote() == null) {
            return refused(id, redirect, "payment", ConsoleText.of("till.error.nothing"), null);
        }
        if (method != PaymentMethod.CARD_PRESENT || Split.of(cashPart, cart.quote().total()) == null) {
            // The cart changed since the split was shown (a line, a coupon): count again.
            return refusedSplit(id, redirect, ConsoleText.of("till.error.split.changed",
                    MoneyFormat.format(cart.quote().total(), LocaleContextHolder.getLocale())), null);
        }
        try {
            Order order = orders.checkout(new CheckoutRequest(id, DeliveryMethod.COUNTER, null,
                    new CheckoutRequest.PaymentDetails(PaymentMethod.CARD_PRESENT, null,
                            List.of(new CheckoutRequest.Part(PaymentMethod.CASH, cashPart)))),
                    channels.resolve(shop.code()), cart.profileId(), idempotencyKey).order();
            return "redirect:/till/receipts/" + order.id();
        } catch (ThroughlineException refusal) {
            redirect.addAttribute("cashPart", cashPart);
            return refused(id, redirect, "payment", TillRefusals.of(refusal), null);
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
            redirect.addFlashAttribute("mailProblem", ConsoleText.of("till.receipt.noEmail"));
            return "redirect:/till/receipts/" + orderId;
        }
        audit.record(CurrentStaff.id(staff), List.of(order.profileId()), "console:till:receipt-email");
        switch (mail.send(order, order.profileId(), shopName(order))) {
            case ChannelDecision.Send sent -> redirect.addFlashAttribute("mailNotice",
                    ConsoleText.of("till.receipt.sent", email));
            case ChannelDecision.Hold held -> redirect.addFlashAttribute("mailProblem",
                    ConsoleText.of("till.receipt.held", String.join("; ", held.reasons())));
            case ChannelDecision.Skip skipped -> redirect.addFlashAttribute("mailProblem",
                    ConsoleText.of("till.receipt.notSent", String.join("; ", skipped.reasons())));
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

    private static String refusedSplit(UUID id, RedirectAttributes redirect, ConsoleText problem,
            @Nullable String typed) {
        redirect.addFlashAttribute("errors", Map.of("cashPart", problem));
        if (typed != null) {
            redirect.addFlashAttribute("typed", Map.of("cashPart", typed));
        }
        return "redirect:/till/sales/" + id + "#till-pay";
    }

    private static String refused(UUID id, RedirectAttributes redirect, String field, ConsoleText problem,
            @Nullable String typed) {
        redirect.addFlashAttribute("errors", Map.of(field, problem));
        if (typed != null) {
            redirect.addFlashAttribute("typed", Map.of("tendered", typed));
        }
        return "redirect:/till/sales/" + id;
    }
}
