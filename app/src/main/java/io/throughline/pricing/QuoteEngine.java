package io.throughline.pricing;

import io.throughline.catalog.Sku;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * The one price engine every channel's quote goes through: given the price lists and promotions as values, it
 * prices a cart and explains every adjustment. It has no I/O and keeps no state between quotes, so one
 * instance serves any number of threads.
 *
 * <p>Rules, in order:
 * <ol>
 * <li><b>Price-list resolution.</b> Of the lists matching the cart's channel, currency, customer group and
 * instant, the one with the highest priority that has the SKU gives the unit price (ties: the list created
 * first). A SKU no matching list has is refused, naming the SKU.</li>
 * <li><b>Coupons.</b> A coupon whose promotion cannot apply to this cart at all (channel, currency, customer
 * group, segment, dates, hours) is refused with the reason; one whose promotion merely gives nothing here
 * (minimum spend, no qualifying items, beaten by an exclusive promotion) is listed in {@code notApplied}.</li>
 * <li><b>Stacking.</b> Promotions are considered by priority, highest first (ties: by name, then id). An
 * exclusive promotion applies only when nothing has applied before it, and stops every later one. Stackable
 * promotions apply one after another, each computed on the line amounts the earlier ones left.</li>
 * <li><b>Rounding.</b> Amounts are whole minor units. A percentage is computed per line and rounded half-even
 * per line; an amount off the order (fixed, tiered) is shared across the lines in proportion to what they
 * still cost, by largest remainder, so the shares add up exactly. No line ever goes below zero.</li>
 * </ol>
 */
@NamedInterface("engine")
public final class QuoteEngine {

    private final List<PricedList> lists;
    private final List<Rule> rules;
    private final Map<UUID, Rule> rulesById;
    private final ZoneId zone;

    /** A promotion with its product and category conditions as sets, prepared once for every quote. */
    private record Rule(Promotion promotion, Set<Sku> products, Set<UUID> categories) {

        boolean selects(Cart.Line line) {
            if (products.isEmpty() && categories.isEmpty()) {
                return true;
            }
            if (products.contains(line.sku())) {
                return true;
            }
            for (UUID category : line.categoryIds()) {
                if (categories.contains(category)) {
                    return true;
                }
            }
            return false;
        }
    }

    public QuoteEngine(Collection<PricedList> lists, Collection<Promotion> promotions, ZoneId zone) {
        this.lists = lists.stream()
                .sorted(Comparator.comparingInt((PricedList list) -> -list.list().priority())
                        .thenComparing(list -> list.list().createdAt())
                        .thenComparing(list -> list.list().id()))
                .toList();
        this.rules = promotions.stream()
                .sorted(Comparator.comparingInt((Promotion promotion) -> -promotion.priority())
                        .thenComparing(Promotion::name)
                        .thenComparing(Promotion::id))
                .map(promotion -> new Rule(promotion, Set.copyOf(promotion.conditions().products()),
                        Set.copyOf(promotion.conditions().categories())))
                .toList();
        Map<UUID, Rule> byId = new HashMap<>();
        rules.forEach(rule -> byId.put(rule.promotion().id(), rule));
        this.rulesById = Map.copyOf(byId);
        this.zone = zone;
    }

    public Quote quote(Cart cart) {
        if (cart.lines().isEmpty()) {
            throw new InvalidRequestException("lines", "must hold at least one line");
        }
        String currency = cart.currency();
        int count = cart.lines().size();
        long[] unit = new long[count];
        long[] net = new long[count];
        PriceList[] source = new PriceList[count];
        List<PricedList> candidates = new ArrayList<>(lists.size());
        for (PricedList list : lists) {
            if (list.list().matches(cart.channel(), currency, cart.customerGroup(), cart.at())) {
                candidates.add(list);
            }
        }
        long subtotal = 0;
        for (int i = 0; i < count; i++) {
            Cart.Line line = cart.lines().get(i);
            for (PricedList list : candidates) {
                Money price = list.prices().get(line.sku());
                if (price != null) {
                    unit[i] = price.minor();
                    source[i] = list.list();
                    break;
                }
            }
            if (source[i] == null) {
                throw new InvalidRequestException("lines[" + i + "].sku", "SKU " + line.sku() + " has no price in "
                        + currency + " on channel " + cart.channel()
                        + (cart.customerGroup() == null ? "" : " for customer group " + cart.customerGroup()));
            }
            net[i] = Math.multiplyExact(unit[i], line.quantity());
            subtotal = Math.addExact(subtotal, net[i]);
        }

        ZonedDateTime local = cart.at().atZone(zone);
        Map<UUID, String> couponFor = new LinkedHashMap<>();
        for (Cart.PresentedCoupon coupon : cart.coupons()) {
            Rule rule = rulesById.get(coupon.promotionId());
            if (rule == null) {
                throw new InvalidRequestException("couponCodes", "coupon " + coupon.code() + " is not valid: its promotion no longer runs");
            }
            String refusal = refusal(rule.promotion(), cart, local);
            if (refusal != null) {
                throw new InvalidRequestException("couponCodes", "coupon " + coupon.code() + " " + refusal);
            }
            couponFor.putIfAbsent(coupon.promotionId(), coupon.code());
        }

        List<Quote.Adjustment> adjustments = new ArrayList<>();
        List<Quote.CouponNote> notes = new ArrayList<>();
        Promotion firstApplied = null;
        boolean stopped = false;
        boolean freeShipping = false;
        boolean[] qualifying = new boolean[count];
        for (Rule rule : rules) {
            Promotion promotion = rule.promotion();
            String code = couponFor.get(promotion.id());
            if (promotion.couponRequired() && code == null) {
                continue;
            }
            if (code == null && refusal(promotion, cart, local) != null) {
                continue;
            }
            if (stopped) {
                note(notes, code, "is not combined with other offers: the exclusive promotion '"
                        + firstApplied.name() + "' already applies");
                continue;
            }
            if (promotion.stacking() == Stacking.EXCLUSIVE && firstApplied != null) {
                note(notes, code, "cannot be combined: its promotion is exclusive and '" + firstApplied.name()
                        + "' already applies");
                continue;
            }
            Money minimum = promotion.conditions().minimumSpend();
            if (minimum != null && subtotal < minimum.minor()) {
                note(notes, code, "needs a minimum spend of " + minimum);
                continue;
            }
            boolean any = false;
            for (int i = 0; i < count; i++) {
                qualifying[i] = rule.selects(cart.lines().get(i));
                any |= qualifying[i];
            }
            if (!any) {
                note(notes, code, "needs a qualifying item in the cart");
                continue;
            }
            RewardShares.Outcome outcome = RewardShares.of(promotion.reward(), cart, unit, net, qualifying);
            if (outcome.shares() == null) {
                note(notes, code, outcome.why());
                continue;
            }
            long total = 0;
            List<Quote.LineShare> lineShares = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long share = outcome.shares()[i];
                if (share != 0) {
                    net[i] -= share;
                    total += share;
                    lineShares.add(new Quote.LineShare(i, new Money(-share, currency)));
                }
            }
            if (promotion.reward() instanceof Reward.FreeShipping) {
                freeShipping = true;
            }
            adjustments.add(new Quote.Adjustment(promotion.id(), promotion.name(), code, typeOf(promotion.reward()),
                    new Money(-total, currency), outcome.why() + ": " + (code == null ? "" : code + " coupon, ")
                    + promotion.name(), lineShares));
            if (firstApplied == null) {
                firstApplied = promotion;
            }
            if (promotion.stacking() == Stacking.EXCLUSIVE) {
                stopped = true;
            }
        }

        List<Quote.Line> lines = new ArrayList<>(count);
        long discount = 0;
        for (int i = 0; i < count; i++) {
            Cart.Line line = cart.lines().get(i);
            long lineSubtotal = unit[i] * line.quantity();
            discount += lineSubtotal - net[i];
            lines.add(new Quote.Line(i, line.sku().value(), line.quantity(), new Money(unit[i], currency), source[i].id(),
                    source[i].name(), new Money(lineSubtotal, currency), new Money(net[i] - lineSubtotal, currency),
                    new Money(net[i], currency)));
        }
        return new Quote(cart.channel(), currency, cart.customerId(), cart.at(), lines, adjustments, notes,
                new Money(subtotal, currency), new Money(-discount, currency), new Money(subtotal - discount, currency),
                freeShipping);
    }

    /** Why the promotion cannot apply to this cart at all, or null when it can. */
    private @Nullable String refusal(Promotion promotion, Cart cart, ZonedDateTime local) {
        PromotionConditions conditions = promotion.conditions();
        String name = "'" + promotion.name() + "'";
        String currency = promotion.currency();
        if (currency != null && !currency.equals(cart.currency())) {
            return "is only valid in " + currency + " (promotion " + name + ")";
        }
        if (conditions.endsAt() != null && !cart.at().isBefore(conditions.endsAt())) {
            return "has expired: promotion " + name + " ended at " + conditions.endsAt();
        }
        if (conditions.startsAt() != null && cart.at().isBefore(conditions.startsAt())) {
            return "is not valid yet: promotion " + name + " starts at " + conditions.startsAt();
        }
        if (!conditions.channels().isEmpty() && !conditions.channels().contains(cart.channel())) {
            return "is not valid on channel " + cart.channel() + ": promotion " + name + " runs on "
                    + String.join(", ", conditions.channels());
        }
        if (!conditions.customerGroups().isEmpty() && (cart.customerGroup() == null
                || !conditions.customerGroups().contains(cart.customerGroup()))) {
            return "is only for customer group " + String.join(", ", conditions.customerGroups())
                    + " (promotion " + name + ")";
        }
        if (!conditions.segments().isEmpty()
                && conditions.segments().stream().noneMatch(cart.segments()::contains)) {
            return "is only for customers in segment " + String.join(", ", conditions.segments())
                    + " (promotion " + name + ")";
        }
        TimeWindow hours = conditions.hours();
        if (hours != null && !hours.contains(local)) {
            return "is only valid " + (hours.days().isEmpty() ? "" : "on " + hours.days() + " ") + "from "
                    + hours.from() + " to " + hours.until() + " (" + zone + "; promotion " + name + ")";
        }
        return null;
    }

    private static void note(List<Quote.CouponNote> notes, @Nullable String code, String reason) {
        if (code != null) {
            notes.add(new Quote.CouponNote(code, "coupon " + code + " " + reason));
        }
    }

    private static String typeOf(Reward reward) {
        return switch (reward) {
            case Reward.PercentOff r -> "PERCENT_OFF";
            case Reward.AmountOff r -> "AMOUNT_OFF";
            case Reward.BuyXGetY r -> "BUY_X_GET_Y";
            case Reward.BundlePrice r -> "BUNDLE_PRICE";
            case Reward.TieredSpend r -> "TIERED_SPEND";
            case Reward.FreeShipping r -> "FREE_SHIPPING";
        };
    }
}
