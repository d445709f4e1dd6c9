package io.throughline.demo.internal;

import io.throughline.catalog.Catalogue;
import io.throughline.catalog.CatalogueItem;
import io.throughline.catalog.Sku;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.HistoricalOrder;
import io.throughline.orders.HistoricalOrders;
import io.throughline.platform.Channel;
import io.throughline.platform.Money;
import io.throughline.tracking.Channels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The brand's earlier guest sales, from before its customers signed up: baskets that go together as wine lovers
 * buy them — an aszú with aszú glasses and a gift box, a sparkling wine with flutes and a stopper, a Furmint with a
 * Hárslevelű, an eszencia in a wooden case with the book of the region — over the last five months in every
 * channel, so that "bought together" on a wine's page and a customer's "for you" make sense from the first minute.
 * Recorded as historical orders, once each by number.
 */
@Component
class DemoRecommendations {

    static final int BASKETS = 160;
    private static final Logger log = LoggerFactory.getLogger(DemoRecommendations.class);
    private static final List<String> CHANNELS = List.of("web", "app", "shop-budapest", "shop-debrecen", "shop-tokaj");

    /** What goes with what: a wine of the style, and some of the companions. */
    private record Theme(String stylePrefix, List<String> companions) {}

    private static final List<Theme> THEMES = List.of(
            new Theme("TK-ASZ", List.of("ACC-GLASS-ASZU-2", "ACC-GIFTBOX-1", "ACC-GLASS-ASZU-6")),
            new Theme("TK-PEZS", List.of("ACC-GLASS-FLUTE-6", "ACC-STOPPER", "ACC-ICE-BUCKET")),
            new Theme("TK-FURM", List.of("TK-HARS", "ACC-GLASS-WHITE-6", "ACC-CORKSCREW")),
            new Theme("TK-ESZ", List.of("ACC-WOODBOX-2", "ACC-BOOK-TOKAJ")),
            new Theme("TK-SZAMSZ", List.of("TK-FURM", "ACC-THERMOMETER")),
            new Theme("TK-SZAMED", List.of("TK-KESOI", "ACC-GIFTBOX-3")),
            new Theme("TK-FORD", List.of("TK-MASLAS", "ACC-DECANTER")));

    private final HistoricalOrders history;
    private final Catalogue catalogue;
    private final Channels channels;
    private final Clock clock;

    DemoRecommendations(HistoricalOrders history, Catalogue catalogue, Channels channels, Clock clock) {
        this.history = history;
        this.catalogue = catalogue;
        this.channels = channels;
        this.clock = clock;
    }

    /** Records the guest baskets not recorded before; returns how many it recorded. */
    int load() {
        Map<String, DemoProducts.DemoProduct> bySku = DemoProducts.all().stream()
                .collect(Collectors.toMap(DemoProducts.DemoProduct::sku, Function.identity()));
        List<DemoProducts.DemoProduct> wines = bySku.values().stream().filter(p -> p.sku().startsWith("TK-"))
                .sorted(java.util.Comparator.comparing(DemoProducts.DemoProduct::sku)).toList();
        Map<Sku, CatalogueItem> items = catalogue.items(bySku.keySet().stream().map(Sku::of).toList());
        if (items.isEmpty()) {
            return 0;
        }
        Random random = new Random(1907L);
        Instant now = clock.instant();
        int recorded = 0;
        for (int basket = 1; basket <= BASKETS; basket++) {
            Theme theme = THEMES.get(random.nextInt(THEMES.size()));
            List<DemoProducts.DemoProduct> lines = new ArrayList<>();
            wineOf(wines, theme.stylePrefix(), random).ifPresent(lines::add);
            for (String companion : theme.companions()) {
                if (random.nextInt(10) < 7) {
                    if (companion.startsWith("TK-")) {
                        wineOf(wines, companion, random).ifPresent(lines::add);
                    } else if (bySku.containsKey(companion)) {
                        lines.add(bySku.get(companion));
                    }
                }
            }
            List<DemoProducts.DemoProduct> distinct = lines.stream().distinct().toList();
            if (distinct.size() < 2) {
                continue;
            }
            String channelKey = CHANNELS.get(random.nextInt(CHANNELS.size()));
            Optional<Channel> channel = channels.find(channelKey);
            if (channel.isEmpty()) {
                continue;
            }
            Instant at = now.minus(Duration.ofDays(3 + random.nextInt(150))).minus(Duration.ofMinutes(
                    random.nextInt(600)));
            List<HistoricalOrder.Line> orderLines = distinct.stream().map(product -> new HistoricalOrder.Line(
                    product.sku(), productIdOf(items, product.sku()), product.name(), 1 + (product.sku().startsWith("TK-") ? random.nextInt(2) : 0),
                    new Money(product.priceHuf() * 100, "HUF"))).toList();
            var result = history.record(new HistoricalOrder("TK-H-%04d".formatted(basket), at, channel.get(), null,
                    "demo-guest-basket-" + basket, "HUF", channelKey.startsWith("shop-") ? DeliveryMethod.COUNTER
                            : DeliveryMethod.HOME_DELIVERY, orderLines, "Hungary"));
            if (result.created()) {
                recorded++;
            }
        }
        if (recorded > 0) {
            log.info("Demo brand: {} earlier guest baskets recorded for recommendations", recorded);
        }
        return recorded;
    }

    private static java.util.@org.jspecify.annotations.Nullable UUID productIdOf(Map<Sku, CatalogueItem> items,
            String sku) {
        CatalogueItem item = items.get(Sku.of(sku));
        return item == null ? null : item.productId();
    }

    private static Optional<DemoProducts.DemoProduct> wineOf(List<DemoProducts.DemoProduct> wines, String prefix,
            Random random) {
        List<DemoProducts.DemoProduct> matching = wines.stream().filter(wine -> wine.sku().startsWith(prefix + "-"))
                .toList();
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(random.nextInt(matching.size())));
    }
}
