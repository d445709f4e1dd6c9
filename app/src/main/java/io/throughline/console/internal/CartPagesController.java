package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import io.throughline.carts.Cart;
import io.throughline.carts.Carts;
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

    CartPagesController(Carts carts) {
        this.carts = carts;
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
            model.addAttribute("codeError", "A handoff code " + malformed.reason());
        } catch (NotFoundException unknown) {
            model.addAttribute("codeError", "No live handoff code " + code.strip().toUpperCase(java.util.Locale.ROOT)
                    + ": it has expired, was used already, or was mistyped.");
        }
        return "console/carts/find";
    }

    @GetMapping("/{id}")
    String cart(@PathVariable UUID id, @RequestParam(required = false) @Nullable String channel, Model model) {
        Cart cart = carts.peek(id, channel);
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
