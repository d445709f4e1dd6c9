package io.throughline.carts.internal;

import io.throughline.carts.CartState;
import io.throughline.carts.internal.JdbcCarts.CartRow;
import io.throughline.carts.internal.JdbcCarts.LineRow;
import io.throughline.carts.internal.JdbcCarts.StoredCart;
import io.throughline.catalog.Sku;
import io.throughline.platform.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * An anonymous cart folded into the customer's open cart when she signs in, by {@link MergePolicy}: its holds
 * given back first so that their stock counts as the surviving cart's, the merged lines held again, the coupons
 * that pricing still takes kept.
 */
@Component
class CartMerges {

    private final JdbcCarts store;
    private final CartHolds holds;
    private final CartPricing pricing;
    private final CatalogueLookups catalogue;
    private final ApplicationEventPublisher publisher;

    CartMerges(JdbcCarts store, CartHolds holds, CartPricing pricing, CatalogueLookups catalogue,
            ApplicationEventPublisher publisher) {
        this.store = store;
        this.holds = holds;
        this.pricing = pricing;
        this.catalogue = catalogue;
        this.publisher = publisher;
    }

    /**
     * Folds the locked anonymous cart into the customer's locked open cart; returns what could not be carried
     * over as it was.
     */
    List<MergeOutcome.Conflict> merge(StoredCart anonymous, StoredCart customer, UUID profile, Channel channel, Instant now) {
        CartRow survivor = customer.cart();
        List<LineRow> survivorLines = customer.lines();
        anonymous.lines().forEach(holds::release);
        Map<String, Integer> customerQuantities = new LinkedHashMap<>();
        survivorLines.forEach(line -> customerQuantities.put(line.sku(), line.quantity()));
        Map<String, Integer> anonymousQuantities = new LinkedHashMap<>();
        anonymous.lines().forEach(line -> anonymousQuantities.put(line.sku(), line.quantity()));
        MergePolicy.Result result = MergePolicy.mergeLines(customerQuantities, anonymousQuantities,
                sku -> catalogue.isSoldOn(Sku.of(sku), channel.key(), now),
                sku -> holds.mostHoldable(survivor, Sku.of(sku), line(survivorLines, sku), channel.key(), now));
        List<MergeOutcome.Conflict> conflicts = new ArrayList<>(result.conflicts());
        List<LineRow> merged = new ArrayList<>();
        for (LineRow line : survivorLines) {
            if (!result.lines().containsKey(line.sku())) {
                holds.release(line);
                store.deleteLine(survivor.id(), line.sku());
            }
        }
        for (Map.Entry<String, Integer> entry : result.lines().entrySet()) {
            LineRow held = holds.hold(survivor, Sku.of(entry.getKey()), entry.getValue(),
                    line(survivorLines, entry.getKey()), channel.key(), now);
            store.saveLine(survivor.id(), held);
            merged.add(held);
        }
        store.removeCoupons(survivor.id());
        for (String coupon : MergePolicy.mergeCoupons(customer.coupons(), anonymous.coupons())) {
            String refusal = merged.isEmpty() ? "the merged cart is empty"
                    : pricing.refusal(survivor, merged, coupon, channel.key());
            if (refusal == null) {
                store.addCoupon(survivor.id(), coupon, now);
            } else {
                conflicts.add(MergePolicy.couponDropped(coupon, refusal));
            }
        }
        store.changeState(anonymous.id(), CartState.MERGED, survivor.id(), now);
        publisher.publishEvent(new CartMerged(anonymous.id(), survivor.id(), profile, channel.key(), now));
        return conflicts;
    }

    private static @Nullable LineRow line(List<LineRow> lines, String sku) {
        for (LineRow line : lines) {
            if (line.sku().equals(sku)) {
                return line;
            }
        }
        return null;
    }
}
