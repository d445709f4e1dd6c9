package io.throughline.demo.internal;

import io.throughline.catalog.Categories;
import io.throughline.catalog.Category;
import io.throughline.demo.DemoBrand;
import io.throughline.platform.PageRequest;
import io.throughline.pricing.CouponBatch;
import io.throughline.pricing.NewCouponBatch;
import io.throughline.pricing.NewPrice;
import io.throughline.pricing.NewPriceList;
import io.throughline.pricing.NewPromotion;
import io.throughline.pricing.NewPromotion.BundleItemSpec;
import io.throughline.pricing.NewPromotion.ConditionsSpec;
import io.throughline.pricing.NewPromotion.HoursSpec;
import io.throughline.pricing.NewPromotion.RewardSpec;
import io.throughline.pricing.NewPromotion.TierSpec;
import io.throughline.pricing.PriceLists;
import io.throughline.pricing.Promotions;
import io.throughline.pricing.RewardScope;
import io.throughline.pricing.Stacking;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo brand's prices and promotions: a HUF list for every channel from the range's shelf prices, EUR and
 * PLN lists converted at fixed rates, the app's welcome coupon, a tasting-evening bundle and a few more.
 * Loaded once, also into a brand loaded before pricing existed: it checks for its own HUF list.
 */
@Service
class DemoPrices {

    static final String HUF_LIST = "Tokaj Cellars shelf prices (HUF)";
    static final String WELCOME = "app welcome campaign";
    static final String WELCOME_BATCH = "App welcome coupons";
    static final String BUNDLE_ASZU = "TK-ASZ5-LAPIS-2017";
    static final String TICKET = "ACC-TASTING-TICKET";
    /** Fixed demo rates: forints per euro and per złoty. */
    static final BigDecimal HUF_PER_EUR = BigDecimal.valueOf(400);
    static final BigDecimal HUF_PER_PLN = BigDecimal.valueOf(92);

    private static final Logger log = LoggerFactory.getLogger(DemoPrices.class);

    private final PriceLists priceLists;
    private final Promotions promotions;
    private final Categories categories;
    private final JdbcClient jdbc;

    DemoPrices(PriceLists priceLists, Promotions promotions, Categories categories, JdbcClient jdbc) {
        this.priceLists = priceLists;
        this.promotions = promotions;
        this.categories = categories;
        this.jdbc = jdbc;
    }

    /** Whether it loaded anything: false when the demo prices were there already. */
    @Transactional
    boolean load() {
        // The same lock as the brand's load, so that two nodes starting at once load the prices once.
        jdbc.sql("LOCK TABLE demo.load IN EXCLUSIVE MODE").update();
        boolean present = priceLists.list(new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .anyMatch(list -> list.name().equals(HUF_LIST));
        if (present) {
            return false;
        }
        List<DemoProducts.DemoProduct> products = DemoProducts.all();
        list(HUF_LIST, "HUF", products, product -> BigDecimal.valueOf(product.priceHuf()));
        list("Tokaj Cellars euro prices (EUR)", "EUR", products,
                product -> BigDecimal.valueOf(product.priceHuf()).divide(HUF_PER_EUR, 0, RoundingMode.CEILING)
                        .subtract(new BigDecimal("0.01")));
        list("Tokaj Cellars złoty prices (PLN)", "PLN", products,
                product -> BigDecimal.valueOf(product.priceHuf()).divide(HUF_PER_PLN, 0, RoundingMode.CEILING)
                        .subtract(new BigDecimal("0.10")));

        var welcome = promotions.create(new NewPromotion(WELCOME, "10 % off a whole order, once per customer; "
                + "the app grants the code, every channel accepts it.", null,
                RewardSpec.percentOff(BigDecimal.TEN, RewardScope.ORDER), null, Stacking.STACKABLE, 100, true, 1,
                null, null));
        promotions.createBatch(welcome.id(), new NewCouponBatch(WELCOME_BATCH, CouponBatch.Kind.UNIQUE, null,
                "APP10", 500));

        Map<String, Long> prices = products.stream().collect(java.util.stream.Collectors.toMap(
                DemoProducts.DemoProduct::sku, DemoProducts.DemoProduct::priceHuf));
        long bundleValue = 2 * prices.get(BUNDLE_ASZU) + prices.get(TICKET);
        promotions.create(new NewPromotion("tasting evening in the Tokaj cellar", "Two bottles of Aszú 5 puttonyos "
                + "Lapis 2017 and a tasting ticket for a bundle price.", "HUF",
                RewardSpec.bundle(List.of(new BundleItemSpec(BUNDLE_ASZU, 2), new BundleItemSpec(TICKET, 1)),
                        BigDecimal.valueOf(bundleValue * 85 / 100 / 100 * 100 + 90)),
                null, Stacking.STACKABLE, 50, false, null, 200, null));

        promotions.create(new NewPromotion("spend more, save more", "Spend 20 000 Ft, get 1 000 Ft off; spend "
                + "40 000 Ft, get 3 000 Ft off.", "HUF",
                RewardSpec.tiered(List.of(new TierSpec(BigDecimal.valueOf(20_000), BigDecimal.valueOf(1_000)),
                        new TierSpec(BigDecimal.valueOf(40_000), BigDecimal.valueOf(3_000)))),
                null, Stacking.STACKABLE, 10, false, null, null, BigDecimal.valueOf(2_000_000)));

        promotions.create(new NewPromotion("free delivery over 25 000 Ft", null, "HUF", RewardSpec.freeShipping(),
                new ConditionsSpec(List.of("web", "app"), null, null, BigDecimal.valueOf(25_000), null, null, null,
                        null, null), Stacking.STACKABLE, 0, false, null, null, null));

        List<String> furmints = products.stream().map(DemoProducts.DemoProduct::sku)
                .filter(sku -> sku.startsWith("TK-FURM-")).toList();
        List<String> shops = DemoBrand.TOKAJ_CELLARS.channels().stream().map(DemoBrand.Channel::key)
                .filter(key -> key.startsWith("shop-")).toList();
        // On the catalogue's Furmint category when the demo catalogue is there, on the Furmint SKUs otherwise.
        Optional<UUID> furmint = categories.findByPath("wines/white/furmint").map(Category::id);
        promotions.create(new NewPromotion("Friday Furmint hour in the shops", "15 % off Furmint, Fridays "
                + "17:00–19:00 in every shop.", null, RewardSpec.percentOff(BigDecimal.valueOf(15), RewardScope.ITEMS),
                new ConditionsSpec(shops, null, null, null, null, null,
                        new HoursSpec(List.of(DayOfWeek.FRIDAY), LocalTime.of(17, 0), LocalTime.of(19, 0)),
                        furmint.isPresent() ? null : furmints, furmint.map(List::of).orElse(null)),
                Stacking.STACKABLE, 20, false, null, null, null));

        List<String> glasses = products.stream().map(DemoProducts.DemoProduct::sku)
                .filter(sku -> sku.startsWith("ACC-GLASS-")).toList();
        Optional<UUID> glassCategory = categories.findByPath("accessories/glasses").map(Category::id);
        promotions.create(new NewPromotion("3 for 2 on glasses", null, null, RewardSpec.buyXGetY(2, 1),
                new ConditionsSpec(null, null, null, null, null, null, null,
                        glassCategory.isPresent() ? null : glasses, glassCategory.map(List::of).orElse(null)),
                Stacking.STACKABLE, 30, false, null, null, null));

        var thankYou = promotions.create(new NewPromotion("contact centre thank-you", "5 % off for a customer the "
                + "contact centre could not help at once; not combined with other offers.", null,
                RewardSpec.percentOff(BigDecimal.valueOf(5), RewardScope.ORDER),
                new ConditionsSpec(List.of("contact-centre"), null, null, null, null, null, null, null, null),
                Stacking.EXCLUSIVE, 5, true, 1, 1000, null));
        promotions.createBatch(thankYou.id(), new NewCouponBatch("Contact centre code", CouponBatch.Kind.SHARED,
                "SORRY5", null, null));
        log.info("Demo prices loaded: HUF, EUR and PLN lists of {} products, 7 promotions", products.size());
        return true;
    }

    private void list(String name, String currency, List<DemoProducts.DemoProduct> products,
            Function<DemoProducts.DemoProduct, BigDecimal> price) {
        var list = priceLists.create(new NewPriceList(name, currency, List.of(), null, null, null, 0));
        priceLists.setPrices(list.id(), products.stream()
                .map(product -> new NewPrice(product.sku(), price.apply(product))).toList());
    }
}
