package io.throughline.carts.internal;

import io.throughline.carts.Cart;
import io.throughline.carts.CartState;
import io.throughline.carts.Fulfilment;
import io.throughline.carts.internal.CartPricing.Priced;
import io.throughline.carts.internal.JdbcCarts.CartRow;
import io.throughline.carts.internal.JdbcCarts.LineRow;
import io.throughline.catalog.CatalogueItem;
import io.throughline.catalog.Sku;
import io.throughline.events.EventProduct;
import io.throughline.inventory.StockLocations;
import io.throughline.platform.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The cart as channels see it — lines named from the catalogue, holds, fulfilment, quote — and its products as events name them. */
@Component
class CartViews {

    private final CatalogueLookups catalogue;
    private final StockLocations locations;

    CartViews(CatalogueLookups catalogue, StockLocations locations) {
        this.catalogue = catalogue;
        this.locations = locations;
    }

    /** The cart as it stands with its lines priced already. */
    Cart render(CartRow cart, List<LineRow> lines, List<String> coupons, Priced priced, String channel, Instant now,
            Instant expiresAt, Instant updatedAt) {
        Map<Sku, CatalogueItem> items = lines.isEmpty() ? Map.of()
                : catalogue.items(lines.stream().map(line -> Sku.of(line.sku())).toList());
        List<Cart.Line> views = new ArrayList<>(lines.size());
        for (LineRow line : lines) {
            CatalogueItem item = items.get(Sku.of(line.sku()));
            Cart.Hold hold = line.reservationId() == null || line.locationId() == null || line.holdExpiresAt() == null
                    ? null : new Cart.Hold(line.reservationId(), line.locationId(), line.quantity(),
                            line.holdExpiresAt(), cart.state() == CartState.OPEN && line.heldAt(now));
            views.add(new Cart.Line(line.sku(), item == null ? null : item.productId(),
                    item == null ? line.sku() : item.name(), line.quantity(), hold));
        }
        return new Cart(cart.id(), cart.state(), cart.anonymousId(), cart.profileId(), cart.currency(),
                cart.mergedInto(), fulfilment(cart), views, coupons, priced.quote(), priced.couponIssues(),
                priced.problem(), channel, expiresAt, cart.createdAt(), updatedAt);
    }

    /** Every line of the cart as "Cart Viewed" lists them. */
    List<EventProduct> products(Cart cart) {
        List<EventProduct> products = new ArrayList<>(cart.lines().size());
        for (Cart.Line line : cart.lines()) {
            products.add(new EventProduct(line.sku(), line.productId(), line.name(), unitPrice(cart, line.sku()),
                    line.quantity()));
        }
        return products;
    }

    /** Units of the SKU at the cart's price, named from the catalogue (by the SKU when it is gone from it). */
    EventProduct product(Cart cart, Sku sku, int quantity) {
        CatalogueItem item = catalogue.item(sku).orElse(null);
        return new EventProduct(sku.value(), item == null ? null : item.productId(),
                item == null ? sku.value() : item.name(), unitPrice(cart, sku.value()), quantity);
    }

    private @Nullable Fulfilment fulfilment(CartRow cart) {
        if (cart.fulfilment() == null) {
            return null;
        }
        return cart.fulfilment() == Fulfilment.Kind.PICKUP && cart.pickupLocationId() != null
                ? new Fulfilment(cart.fulfilment(), cart.pickupLocationId(),
                        locations.get(cart.pickupLocationId()).code())
                : new Fulfilment(cart.fulfilment(), null, null);
    }

    private static @Nullable Money unitPrice(Cart cart, String sku) {
        if (cart.quote() == null) {
            return null;
        }
        for (var line : cart.quote().lines()) {
            if (line.sku().equals(sku)) {
                return line.unitPrice();
            }
        }
        return null;
    }
}
