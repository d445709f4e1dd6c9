package io.throughline.console.internal;

import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.orders.Fulfilments;
import io.throughline.orders.Order;
import io.throughline.orders.Orders;
import io.throughline.orders.Payment;
import io.throughline.orders.PaymentMethod;
import io.throughline.orders.PaymentState;
import io.throughline.orders.ShopScope;
import io.throughline.platform.ConflictException;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.Money;
import io.throughline.platform.StaffAccounts;
import io.throughline.platform.StaffPermission;
import io.throughline.platform.ThroughlineException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
 * Handing a click &amp; collect order over at the counter. The customer reads out her pickup code; an order she
 * pays at pickup stops at a page that asks the associate to take the money first — the amount in the brand's
 * money format, cash or card — because the orders module captures the payment only when told how it was taken.
 */
@Controller
@RequestMapping("/orders")
@PreAuthorize(StaffPermission.Rules.SELL)
class PickupHandOverController {

    private final Fulfilments fulfilments;
    private final Orders orders;
    private final StockLocations locations;
    private final StaffAccounts staffAccounts;

    PickupHandOverController(Fulfilments fulfilments, Orders orders, StockLocations locations,
            StaffAccounts staffAccounts) {
        this.fulfilments = fulfilments;
        this.orders = orders;
        this.locations = locations;
        this.staffAccounts = staffAccounts;
    }

    /** The code checked and, for an order paid at pickup, the money taken as {@code paidWith} says. */
    @PostMapping("/{id}/hand-over")
    @PreAuthorize("hasAnyRole('ADMIN', 'STORE_ASSOCIATE')")
    String handOver(@PathVariable UUID id, @RequestParam UUID location, @RequestParam String code,
            @RequestParam(required = false) @Nullable PaymentMethod paidWith, Authentication staff,
            RedirectAttributes redirect) {
        StockLocation shop = locations.get(mayWork(location, staff));
        try {
            Order order = fulfilments.pickUp(id, shop.id(), code.strip(), shop.code(), paidWith);
            redirect.addFlashAttribute("notice", paidWith == null
                    ? ConsoleText.of("orders.pickups.handedOver", order.number())
                    : paidWith == PaymentMethod.CASH ? ConsoleText.of("orders.pickups.handedOver.cash", order.number())
                    : ConsoleText.of("orders.pickups.handedOver.card", order.number()));
        } catch (ConflictException owed) {
            if (owed.field().equals("paidWith") && paidWith == null) {
                // The code was right; the money is still to be taken.
                redirect.addFlashAttribute("code", code.strip());
                redirect.addAttribute("location", shop.id());
                return "redirect:/orders/" + id + "/take-payment";
            }
            refused(id, redirect, owed);
        } catch (ThroughlineException refused) {
            refused(id, redirect, refused);
        }
        redirect.addAttribute("location", shop.code());
        return "redirect:/orders/pickups";
    }

    /** What she owes, how to take it, and the hand-over once it is taken. */
    @GetMapping("/{id}/take-payment")
    @PreAuthorize("hasAnyRole('ADMIN', 'STORE_ASSOCIATE')")
    String takePayment(@PathVariable UUID id, @RequestParam UUID location, Authentication staff, Model model) {
        StockLocation shop = locations.get(mayWork(location, staff));
        Order order = orders.get(id);
        List<Payment> owed = order.payments().stream()
                .filter(payment -> payment.method() == PaymentMethod.PAY_AT_PICKUP
                        && payment.state() == PaymentState.PENDING)
                .toList();
        if (owed.isEmpty()) {
            return "redirect:/orders/pickups?location=" + shop.code();
        }
        model.addAttribute("area", ConsoleArea.ORDERS);
        model.addAttribute("order", order);
        model.addAttribute("shop", shop);
        model.addAttribute("owed", owed.stream().map(Payment::amount).reduce(Money::plus).orElseThrow());
        model.addAttribute("tenders", List.of(PaymentMethod.CASH, PaymentMethod.CARD_PRESENT));
        return "console/orders/take-payment";
    }

    private static void refused(UUID id, RedirectAttributes redirect, ThroughlineException refused) {
        redirect.addFlashAttribute("problem", ConsoleRefusals.of(refused));
        redirect.addFlashAttribute("problemOrder", id);
    }

    /** A store associate with a shop hands over at that shop only ({@link ShopScope}). */
    private UUID mayWork(UUID location, Authentication staff) {
        ShopScope.check(staffAccounts.get(CurrentStaff.id(staff)), location);
        return location;
    }
}
