package io.throughline.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.catalog.Sku;
import io.throughline.catalog.NewProduct;
import io.throughline.catalog.NewVariant;
import io.throughline.catalog.Products;
import io.throughline.inventory.Availability;
import io.throughline.inventory.LocationKind;
import io.throughline.inventory.NewMovement;
import io.throughline.inventory.NewStockLocation;
import io.throughline.inventory.Address;
import io.throughline.inventory.MovementKind;
import io.throughline.inventory.ReservationState;
import io.throughline.inventory.Reservations;
import io.throughline.inventory.StockLedger;
import io.throughline.inventory.StockLocations;
import io.throughline.support.PlatformTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Availability read an hour later than now: the hold has lapsed, and the sweep cannot have marked it yet. */
@PlatformTest
class LapsedHoldsBeforeTheSweepTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Products products;
    @Autowired
    StockLocations locations;
    @Autowired
    JdbcStockLocations jdbcLocations;
    @Autowired
    StockLedger ledger;
    @Autowired
    Reservations reservations;
    @Autowired
    Availability availability;

    @Test
    void availabilityIgnoresAHoldPastItsExpiryThatIsStillMarkedHeld() {
        Sku sku = Sku.of("LAPSE-" + System.nanoTime());
        products.create(new NewProduct("Test " + sku, null, List.of(new NewVariant(sku.value(), null, null, null)),
                null, null, null, null));
        String channel = "lapse-" + System.nanoTime();
        UUID shop = locations.create(new NewStockLocation("lapse-" + System.nanoTime(), "Lapse shop", LocationKind.SHOP,
                new Address("Fő utca 1.", "Tokaj", "3910", "HU"), 48.12, 21.41, List.of(), true, false)).id();
        ledger.record(new NewMovement(sku, shop, MovementKind.RECEIPT, 6, null, null));
        availability.allow(channel, shop, 1);
        var hold = reservations.reserve(sku, shop, 5, "cart-lapse", Duration.ofMinutes(10));
        Clock inAnHour = Clock.offset(clock, Duration.ofHours(1));
        var anHourLater = new JdbcAvailability(jdbc, inAnHour, jdbcLocations,
                new AvailabilitySnapshots(inAnHour, Duration.ofSeconds(1)));

        assertThat(availability.of(sku, channel).available()).isZero();
        assertThat(anHourLater.of(sku, channel).available()).isEqualTo(5);
        assertThat(reservations.get(hold.id()).state()).isEqualTo(ReservationState.HELD);
    }
}
