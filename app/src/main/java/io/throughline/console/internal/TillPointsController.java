package io.throughline.console.internal;

import io.throughline.carts.Cart;
import io.throughline.carts.Carts;
import io.throughline.inventory.StockLocation;
import io.throughline.loyalty.ClaimedReward;
import io.throughline.loyalty.Loyalty;
import io.throughline.loyalty.MemberPoints;
import io.throughline.loyalty.MemberTier;
import io.throughline.loyalty.Programme;
import io.throughline.loyalty.Reward;
import io.throughline.orders.CheckoutRequest;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.Order;
import io.throughline.orders.Orders;
import io.throughline.orders.PaymentMethod;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.Ids;
import io.throughline.platform.Money;
import io.throughline.platform.StaffPermission;
import io.throughline.platform.ThroughlineException;
import io.throughline.privacy.AccessAudit;
import io.throughline.tracking.Channels;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
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

/**
 * Her points at the till, loaded into the sale page beside her name: her points and tier, what they are worth in
 * the sale's currency, paying part (or all) of the sale with them and the rest on the card terminal, and the
 * rewards she can claim, whose coupon goes straight onto her sale. A refusal comes back in the panel at its field
 * with what was typed; a sale paid goes to its receipt.
 */
@Controller
@RequestMapping("/loyalty/till")
@PreAuthorize(StaffPermission.Rules.SELL_AT_TILL)
class TillPointsController {

    private final Loyalty loyalty;
    private final Carts carts;
    private final Orders orders;
    private final TillShops shops;
    private final Channels channels;
    private final AccessAudit audit;
    private final Clock clock;

    TillPointsController(Loyalty loyalty, Carts carts, Orders orders, TillShops shops, Channels channels,
            AccessAudit audit, Clock clock) {
        this.loyalty = loyalty;
        this.carts = carts;
        this.orders = orders;
        this.shops = shops;
        this.channels = channels;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/{cartId}")
    String panel(@PathVariable UUID cartId, HttpServletRequest request, Model model, Authentication staff) {
        return fill(cartId, request, model, staff, null, "", null);
    }

    /** Pays {@code points} worth of the sale with her points and the rest on the card terminal. */
    @PostMapping("/{cartId}/pay")
    String pay(@PathVariable UUID cartId, @RequestParam(defaultValue = "") String points,
            @RequestParam(defaultValue = "") String idempotencyKey, HttpServletRequest request,
            HttpServletResponse response, Model model, Authentication staff) {
        StockLocation shop = shops.current(request).orElse(null);
        if (shop == null) {
            return redirect(request, response, "/till");
        }
        Cart cart = carts.peek(cartId, shop.code());
        Long perPoint = loyalty.programme().map(Programme::minorPerPoint).map(values -> values.get(cart.currency()))
                .orElse(null);
        Long wanted = TypedRows.longValue(points);
        if (cart.profileId() == null || cart.quote() == null || perPoint == null) {
            return fill(cartId, request, model, staff, ConsoleText.of("loyalty.till.error.cannot"), points, null);
        }
        if (wanted == null || wanted <= 0) {
            return fill(cartId, request, model, staff, ConsoleText.of("loyalty.till.error.points"), points, null);
        }
        long total = cart.quote().total().minor();
        long amount = Math.min(total, wanted * perPoint);
        CheckoutRequest.PaymentDetails payment = amount >= total
                ? new CheckoutRequest.PaymentDetails(PaymentMethod.POINTS, null)
                : new CheckoutRequest.PaymentDetails(PaymentMethod.CARD_PRESENT, null,
                        List.of(new CheckoutRequest.Part(PaymentMethod.POINTS, amount)));
        try {
            Order order = orders.checkout(new CheckoutRequest(cartId, DeliveryMethod.COUNTER, null, payment),
                    channels.resolve(shop.code()), cart.profileId(),
                    idempotencyKey.isBlank() ? Ids.newId(clock).toString() : idempotencyKey).order();
            return redirect(request, response, "/till/receipts/" + order.id());
        } catch (ThroughlineException refused) {
            return fill(cartId, request, model, staff, TillRefusals.of(refused), points, null);
        }
    }

    /** Exchanges her points for a reward and puts its coupon on her sale. */
    @PostMapping("/{cartId}/rewards/{rewardId}")
    String claim(@PathVariable UUID cartId, @PathVariable UUID rewardId,
            @RequestParam(defaultValue = "") String claimKey, HttpServletRequest request,
            HttpServletResponse response, Model model, Authentication staff) {
        StockLocation shop = shops.current(request).orElse(null);
        if (shop == null) {
            return redirect(request, response, "/till");
        }
        Cart cart = carts.peek(cartId, shop.code());
        if (cart.profileId() == null) {
            return fill(cartId, request, model, staff, ConsoleText.of("loyalty.till.error.cannot"), "", null);
        }
        try {
            ClaimedReward claimed = loyalty.claim(cart.profileId(), rewardId, shop.code(),
                    claimKey.isBlank() ? Ids.newId(clock).toString() : claimKey);
            audit.record(CurrentStaff.id(staff), List.of(cart.profileId()), "console:loyalty:reward");
            carts.applyCoupon(cartId, claimed.couponCode(), channels.resolve(shop.code()), null);
            return redirect(request, response, "/till/sales/" + cartId);
        } catch (ThroughlineException refused) {
            return fill(cartId, request, model, staff, null, "",
                    ConsoleText.of("loyalty.till.refused", refused.getMessage()));
        }
    }

    private String fill(UUID cartId, HttpServletRequest request, Model model, Authentication staff,
            @Nullable ConsoleText payError, String typedPoints, @Nullable ConsoleText rewardError) {
        StockLocation shop = shops.current(request).orElse(null);
        Cart cart = shop == null ? null : carts.peek(cartId, shop.code());
        UUID profileId = cart == null ? null : cart.profileId();
        MemberPoints member = profileId == null ? null : loyalty.member(profileId).orElse(null);
        if (profileId != null) {
            audit.record(CurrentStaff.id(staff), List.of(profileId), "console:till:loyalty");
        }
        Long perPoint = cart == null ? null : loyalty.programme().map(Programme::minorPerPoint)
                .map(values -> values.get(cart.currency())).orElse(null);
        long balance = member == null ? 0 : Math.max(0, member.balance());
        MemberTier tier = profileId == null ? null : loyalty.tier(profileId).orElse(null);
        model.addAttribute("cartId", cartId);
        model.addAttribute("member", member);
        model.addAttribute("balance", balance);
        model.addAttribute("tier", tier);
        model.addAttribute("worth", perPoint == null || cart == null ? null : new Money(balance * perPoint,
                cart.currency()));
        long suggested = perPoint == null || cart == null || cart.quote() == null ? 0
                : Math.min(balance, Math.ceilDiv(cart.quote().total().minor(), perPoint));
        model.addAttribute("canPay", cart != null && cart.quote() != null && perPoint != null && balance > 0
                && cart.state().name().equals("OPEN"));
        model.addAttribute("typedPoints", typedPoints.isEmpty() && payError == null ? String.valueOf(suggested)
                : typedPoints);
        model.addAttribute("payError", payError);
        model.addAttribute("rewardError", rewardError);
        model.addAttribute("rewards", member == null ? List.<Reward>of() : loyalty.activeRewards().stream()
                .filter(reward -> reward.points() <= balance).toList());
        model.addAttribute("payKey", Ids.newId(clock).toString());
        model.addAttribute("claimKey", Ids.newId(clock).toString());
        return "console/loyalty/till :: points";
    }

    /** After htmx's request the browser goes to the page (a redirect would be followed inside the panel). */
    private static String redirect(HttpServletRequest request, HttpServletResponse response, String to) {
        if (request.getHeader("HX-Request") == null) {
            return "redirect:" + to;
        }
        response.setHeader("HX-Redirect", request.getContextPath() + to);
        return "console/loyalty/till :: nothing";
    }
}
