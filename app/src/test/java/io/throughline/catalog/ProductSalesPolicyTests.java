package io.throughline.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductSalesPolicyTests {

    static final Instant LAUNCH = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant END = Instant.parse("2027-01-01T00:00:00Z");
    static final List<ChannelAssortment> WEB_IN_DECEMBER = List.of(new ChannelAssortment("web", LAUNCH, END));

    @Test
    void aChannelSellsTheProductFromItsStartUntilJustBeforeItsEnd() {
        assertThat(SalesPolicy.sells(true, true, WEB_IN_DECEMBER, "web", LAUNCH.minusSeconds(1))).isFalse();
        assertThat(SalesPolicy.sells(true, true, WEB_IN_DECEMBER, "web", LAUNCH)).isTrue();
        assertThat(SalesPolicy.sells(true, true, WEB_IN_DECEMBER, "web", END.minusMillis(1))).isTrue();
        assertThat(SalesPolicy.sells(true, true, WEB_IN_DECEMBER, "web", END)).isFalse();
    }

    @Test
    void anOpenEndedPeriodLastsForever() {
        var forever = List.of(new ChannelAssortment("shop-tokaj", LAUNCH, null));
        assertThat(SalesPolicy.sells(true, true, forever, "shop-tokaj", Instant.parse("2099-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void otherChannelsAndProductsWithoutAssortmentSellNothing() {
        assertThat(SalesPolicy.sells(true, true, WEB_IN_DECEMBER, "app", LAUNCH)).isFalse();
        assertThat(SalesPolicy.sells(true, true, List.of(), "web", LAUNCH)).isFalse();
    }

    @Test
    void anInactiveProductOrVariantIsSoldNowhere() {
        assertThat(SalesPolicy.sells(false, true, WEB_IN_DECEMBER, "web", LAUNCH)).isFalse();
        assertThat(SalesPolicy.sells(true, false, WEB_IN_DECEMBER, "web", LAUNCH)).isFalse();
    }
}
