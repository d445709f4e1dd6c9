package io.throughline.console.internal;

import io.throughline.customers.CustomerProfiles;
import io.throughline.inventory.StockLocation;
import io.throughline.orders.Order;
import io.throughline.orders.OrderReturn;
import io.throughline.orders.OrderSummary;
import io.throughline.orders.Orders;
import io.throughline.orders.RefundTo;
import io.throughline.orders.ReturnRequest;
import io.throughline.orders.Returns;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.ThroughlineException;
import io.throughline.privacy.AccessAudit;
import io.throughline.tracking.Channels;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Goods brought back to this shop's till, whichever channel or shop sold them: find the order by the number on
 * the receipt, pick the units that came back, and give the money back to what she paid with or as store credit.
 * The stock goes back on this shop's shelf.
 */
@Controller
@RequestMapping("/till/returns")
@PreAuthorize(StaffPermission.Rules.SELL_AT_TILL)
class TillReturnsController {

    private final Orders orders;
    private final Returns returns;
    private final TillShops shops;
    private final CustomerProfiles customers;
    private final AccessAudit audit;
    private final Channels channels;

    TillReturnsController(Orders orders, Returns returns, TillShops shops, CustomerProfiles customers,
            AccessAudit audit, Channels channels) {
        this.orders = orders;
        this.returns = returns;
        this.shops = shops;
        this.customers = customers;
        this.audit = audit;
        this.channels = channels;
    }

    @GetMapping
    String find(@RequestParam(required = false) @Nullable String number, HttpServletRequest request, Authentication staff,
            Model model) {
        StockLocation shop = shops.current(request).orElse(null);
        if (shop == null) {
            return "redirect:/till";
        }
        model.addAttribute("area", ConsoleArea.CARTS);
        model.addAttribute("shop", shop);
        model.addAttribute("number", number == null ? "" : number.strip());
        if (number == null || number.isBlank()) {
            return "console/till/return";
        }
        Page<OrderSummary> found = orders.list(new Orders.Filter(number.strip(), null, null, null),
                new PageRequest(0, 2));
        if (found.totalItems() != 1) {
            model.addAttribute("numberError", ConsoleText.of("till.return.none", number.strip()));
            return "console/till/return";
        }
        Order order = orders.get(found.items().getFirst().id());
        model.addAttribute("order", order);
        if (order.profileId() != null) {
            audit.record(CurrentStaff.id(staff), List.of(order.profileId()), "console:till:return");
            model.addAttribute("customer", customers.get(order.profileId()));
        }
        Map<UUID, String> places = new HashMap<>();
        order.returns().forEach(r -> places.computeIfAbsent(r.locationId(), shops::name));
        model.addAttribute("places", places);
        return "console/till/return";
    }

    /** Each line's quantity comes as {@code qty-<SKU>}; lines left at 0 do not come back. */
    @PostMapping("/{orderId}")
    String accept(@PathVariable UUID orderId, @RequestParam(required = false) @Nullable RefundTo refundTo,
            @RequestParam(required = false) @Nullable String reason, @RequestParam Map<String, String> form,
            HttpServletRequest request, RedirectAttributes redirect) {
        StockLocation shop = shops.current(request).orElse(null);
        if (shop == null) {
            return "redirect:/till";
        }
        Order order = orders.get(orderId);
        redirect.addAttribute("number", order.number());
        Map<String, String> typed = new HashMap<>();
        if (reason != null) {
            typed.put("reason", reason);
        }
        List<ReturnRequest.Line> lines = new ArrayList<>();
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (field.getKey().startsWith("qty-") && !field.getValue().isBlank()) {
                typed.put(field.getKey(), field.getValue());
                int quantity;
                try {
                    quantity = Integer.parseInt(field.getValue().strip());
                } catch (NumberFormatException notANumber) {
                    return refused(redirect, field.getKey(), ConsoleText.of("till.error.quantity"), typed);
                }
                if (quantity < 0) {
                    return refused(redirect, field.getKey(), ConsoleText.of("till.error.quantity"), typed);
                }
                if (quantity > 0) {
                    lines.add(new ReturnRequest.Line(field.getKey().substring(4), quantity));
                }
            }
        }
        if (lines.isEmpty()) {
            return refused(redirect, "lines", ConsoleText.of("till.return.nothing"), typed);
        }
        if (refundTo == null) {
            return refused(redirect, "refundTo", ConsoleText.of("till.return.refundTo.missing"), typed);
        }
        try {
            OrderReturn accepted = returns.accept(orderId, new ReturnRequest(shop.id(), refundTo, lines,
                    reason == null || reason.isBlank() ? null : reason.strip()), channels.resolve(shop.code()));
            redirect.addFlashAttribute("accepted", accepted);
            return "redirect:/till/returns";
        } catch (ThroughlineException refusal) {
            return refused(redirect, "lines", TillRefusals.of(refusal), typed);
        }
    }

    private static String refused(RedirectAttributes redirect, String field, ConsoleText problem,
            Map<String, String> typed) {
        redirect.addFlashAttribute("errors", Map.of(field, problem));
        redirect.addFlashAttribute("typed", typed);
        return "redirect:/till/returns";
    }
}
