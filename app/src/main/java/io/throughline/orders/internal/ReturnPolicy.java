package io.throughline.orders.internal;

import io.throughline.orders.Order;
import io.throughline.orders.ReturnRequest;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What may come back and what it refunds. Only units that were handed over and have not come back yet can be
 * returned. A unit refunds what was paid for it after discounts: the line's total shared over its units, the
 * rounding remainder falling on the line's last units, so that returning a whole line in any steps refunds
 * exactly its total.
 */
final class ReturnPolicy {

    /** Units of one order line coming back and their refund. */
    record Refund(int lineIndex, String sku, int quantity, int returnedAfter, Money amount) {}

    private ReturnPolicy() {}

    /**
     * @param handedOver units of each SKU that left with the customer or a carrier
     */
    static List<Refund> refunds(List<Order.Line> lines, Map<String, Integer> handedOver, List<ReturnRequest.Line> requested) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        Map<String, Integer> firstIndex = new LinkedHashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            ReturnRequest.Line line = requested.get(i);
            wanted.merge(line.sku(), line.quantity(), Integer::sum);
            firstIndex.putIfAbsent(line.sku(), i);
        }
        List<Refund> refunds = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : wanted.entrySet()) {
            String field = "lines[" + firstIndex.get(entry.getKey()) + "]";
            Order.Line line = lines.stream().filter(candidate -> candidate.sku().equals(entry.getKey())).findFirst()
                    .orElseThrow(() -> new InvalidRequestException(field + ".sku", entry.getKey()
                            + " was not sold in this order"));
            int returnable = Math.min(line.quantity(), handedOver.getOrDefault(line.sku(), 0)) - line.returnedQuantity();
            if (entry.getValue() > returnable) {
                throw new InvalidRequestException(field + ".quantity", "only " + Math.max(0, returnable) + " of "
                        + line.sku() + " can be returned (sold " + line.quantity() + ", handed over "
                        + handedOver.getOrDefault(line.sku(), 0) + ", returned " + line.returnedQuantity() + ")");
            }
            int after = line.returnedQuantity() + entry.getValue();
            refunds.add(new Refund(line.index(), line.sku(), entry.getValue(), after,
                    paidFor(line, after).minus(paidFor(line, line.returnedQuantity()))));
        }
        return refunds;
    }

    /** What the first {@code units} units of the line were paid, in whole minor units. */
    static Money paidFor(Order.Line line, int units) {
        return new Money(Math.floorDiv(line.total().minor() * units, line.quantity()), line.total().currency());
    }
}
