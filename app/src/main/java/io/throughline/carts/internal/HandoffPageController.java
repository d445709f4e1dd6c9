package io.throughline.carts.internal;

import io.swagger.v3.oas.annotations.Hidden;
import io.throughline.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The shopper's own page for her cart's handoff: the code in large letters and its QR code, to show at the till
 * from her phone. Reached by the signed link the handoff answer carries, without signing in; it shows nothing
 * but the code, since a link can be forwarded. A used, expired or altered link answers the same as an unknown one.
 */
@Controller
@Hidden
class HandoffPageController {

    private final HandoffLinks links;
    private final CartHandoffs handoffs;
    private final Clock clock;

    HandoffPageController(HandoffLinks links, CartHandoffs handoffs, Clock clock) {
        this.links = links;
        this.handoffs = handoffs;
        this.clock = clock;
    }

    @GetMapping("/m/handoff/{token}")
    String page(@PathVariable String token, HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", "no-store");
        Optional<Handoff> live = links.cartOf(token, clock.instant()).flatMap(this::live);
        if (live.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "handoff/invalid";
        }
        Handoff handoff = live.get();
        model.addAttribute("code", handoff.code());
        model.addAttribute("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(
                QrImages.png(handoff.code())));
        model.addAttribute("minutesLeft", Math.max(1,
                Duration.between(clock.instant(), handoff.expiresAt()).toMinutes()));
        return "handoff/page";
    }

    private Optional<Handoff> live(UUID cartId) {
        try {
            return Optional.of(handoffs.live(cartId));
        } catch (NotFoundException usedOrGone) {
            return Optional.empty();
        }
    }
}
