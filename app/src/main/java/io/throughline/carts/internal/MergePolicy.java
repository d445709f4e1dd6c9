package io.throughline.carts.internal;

import io.throughline.carts.internal.MergeOutcome.Conflict;
import io.throughline.carts.internal.MergeOutcome.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The lines of a merged cart. For every SKU in either cart (the customer's lines first, in their order): the
 * quantities are summed; a SKU the channel no longer sells is dropped; the sum is capped at what the surviving
 * cart can hold (the anonymous cart's holds count as the survivor's, as they move over); a SKU of which
 * nothing can be held is dropped. Every change is reported. Coupons are the union, the customer's first;
 * pricing decides later which still apply.
 */
final class MergePolicy {

    /** The merged lines, SKU to quantity, in order, and what changed. */
    record Result(Map<String, Integer> lines, List<Conflict> conflicts) {}

    private MergePolicy() {}

    static Result mergeLines(Map<String, Integer> customer, Map<String, Integer> anonymous, Predicate<String> sold,
            ToIntFunction<String> capacity) {
        Map<String, Integer> wanted = new LinkedHashMap<>(customer);
        anonymous.forEach((sku, quantity) -> wanted.merge(sku, quantity, Integer::sum));
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        wanted.forEach((sku, quantity) -> {
            if (!sold.test(sku)) {
                conflicts.add(new Conflict(Kind.NOT_SOLD, sku, null,
                        sku + " is no longer sold on this channel; its line was removed"));
                return;
            }
            int holdable = Math.max(0, capacity.applyAsInt(sku));
            if (holdable == 0) {
                conflicts.add(new Conflict(Kind.OUT_OF_STOCK, sku, null,
                        sku + " is out of stock; its line of " + quantity + " was removed"));
            } else if (quantity > holdable) {
                conflicts.add(new Conflict(Kind.QUANTITY_CAPPED, sku, null, "Only " + holdable + " of " + sku
                        + " can be held; the merged quantity " + quantity + " was reduced to " + holdable));
                lines.put(sku, holdable);
            } else {
                lines.put(sku, quantity);
            }
        });
        return new Result(lines, conflicts);
    }

    static List<String> mergeCoupons(List<String> customer, List<String> anonymous) {
        LinkedHashSet<String> codes = new LinkedHashSet<>(customer);
        codes.addAll(anonymous);
        return List.copyOf(codes);
    }

    static Conflict couponDropped(String code, String reason) {
        return new MergeOutcome.Conflict(Kind.COUPON_DROPPED, null, code, reason);
    }
}
