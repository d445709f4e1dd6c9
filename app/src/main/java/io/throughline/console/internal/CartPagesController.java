package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import io.throughline.carts.Cart;
import io.throughline.carts.Carts;
import io.throughline.customers.CustomerProfiles;
import io.throughline.inventory.StockLocations;
import io.throughline.platform.CurrentStaff;
import io.throughline.privacy.AccessAudit;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The till view of a cart: an associate types the handoff code the shopper shows and sees her lines, the prices
 * with every adjustment explained, and where the stock is held. Looking does not claim the code nor count as
 * the shopper's activity; the till claims it through the API.
 */
@Controller
@RequestMapping("/carts")
@PreAuthorize(StaffPermission.Rules.SELL)
class CartPagesController {

    private final Carts carts;
    private final CustomerProfiles customers;
    private final AccessAudit audit;
    private final StockLocations locations;
    private final MessageSource messages;

    CartPagesController(Carts carts, CustomerProfiles customers, AccessAudit audit, StockLocations locations,
            MessageSource messages) {
        this.carts = carts;
        this.customers = customers;
        this.audit = audit;
        this.locations = locations;
        this.messages = messages;
    }

    @GetMapping
    String find(@RequestParam(required = false) @Nullable String code, Model model) {
        model.addAttribute("area", ConsoleArea.CARTS);
        model.addAttribute("code", code == null ? "" : code);
        if (code == null || code.isBlank()) {
            return "console/carts/find";
        }
        try {
            return "redirect:/carts/" + carts.cartOfCode(code);
        } catch (InvalidRequestException malformed) {
            model.addAttribute("codeError", text("carts.find.malformed"));
        } catch (NotFoundException unknown) {
            model.addAttribute("codeError", text("carts.find.unknown",
                    code.strip().toUpperCase(java.util.Locale.ROOT)));
        }
        return "console/carts/find";
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    @GetMapping("/{id}")
    String cart(@PathVariable UUID id, @RequestParam(required = false) @Nullable String channel,
            Authentication staff, Model model) {
        Cart cart = carts.peek(id, channel);
        if (cart.profileId() != null) {
            audit.record(CurrentStaff.id(staff), List.of(cart.profileId()), "console:cart");
            model.addAttribute("customerName", customers.get(cart.profileId()).displayName());
        }
        if (cart.fulfilment() != null && cart.fulfilment().locationId() != null) {
            model.addAttribute("locationName", locations.get(cart.fulfilment().locationId()).name());
        }
        Map<UUID, String> holdPlaces = new HashMap<>();
        cart.lines().stream().filter(line -> line.hold() != null).forEach(line -> holdPlaces.computeIfAbsent(
                line.hold().locationId(), location -> locations.get(location).name()));
        model.addAttribute("holdPlaces", holdPlaces);
        model.addAttribute("area", ConsoleArea.CARTS);
        model.addAttribute("cart", cart);
        Map<String, Object> priced = new HashMap<>();
        if (cart.quote() != null) {
            cart.quote().lines().forEach(line -> priced.putIfAbsent(line.sku(), line));
        }
        model.addAttribute("priced", priced);
        return "console/carts/cart";
    }
}
