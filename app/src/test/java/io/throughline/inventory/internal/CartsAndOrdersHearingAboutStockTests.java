package io.throughline.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.catalog.Sku;
import io.throughline.catalog.NewProduct;
import io.throughline.catalog.NewVariant;
import io.throughline.catalog.Products;
import io.throughline.inventory.Address;
import io.throughline.inventory.LocationKind;
import io.throughline.inventory.MovementKind;
import io.throughline.inventory.NewMovement;
import io.throughline.inventory.NewStockLocation;
import io.throughline.inventory.ReservationState;
import io.throughline.inventory.Reservations;
import io.throughline.inventory.StockLedger;
import io.throughline.inventory.StockLevelChanged;
import io.throughline.inventory.StockLocations;
import io.throughline.support.PlatformTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The domain events other modules will listen to, published by the calls that cause them. */
@PlatformTest
@RecordApplicationEvents
class CartsAndOrdersHearingAboutStockTests {

    @Autowired
    Products products;
    @Autowired
    StockLocations locations;
    @Autowired
    StockLedger ledger;
    @Autowired
    Reservations reservations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Balances balances;
    @Autowired
    JdbcStockLocations jdbcLocations;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    KnownSkus knownSkus;

    @Test
    void reservingReleasingFulfillingAndExpiringAreAnnounced(ApplicationEvents events) {
        Sku sku = Sku.of("EVENTS-" + System.nanoTime());
        products.create(new NewProduct("Test " + sku, null, List.of(new NewVariant(sku.value(), null, null, null)),
                null, null, null, null));
        UUID shop = locations.create(new NewStockLocation("events-" + System.nanoTime(), "Events shop",
                LocationKind.SHOP, new Address("Fő tér 1.", "Tokaj", "3910", "HU"), 48.12, 21.41, List.of(), true,
                false)).id();
        ledger.record(new NewMovement(sku, shop, MovementKind.RECEIPT, 9, "DN-7", null));
        var cart = reservations.reserve(sku, shop, 2, "cart-events", Duration.ofMinutes(5));
        var order = reservations.confirm(reservations.reserve(sku, shop, 3, "order-events", Duration.ofMinutes(5)).id());
        reservations.release(cart.id());
        reservations.fulfil(order.id());
        var lapsing = reservations.reserve(sku, shop, 1, "cart-lapsing", Duration.ofMinutes(1));
        // The sweep as it will run two minutes from now, on this thread, so that its event is recorded here.
        new JdbcReservations(jdbc, Clock.offset(clock, Duration.ofMinutes(2)), balances, jdbcLocations, publisher,
                knownSkus)
                .expireLapsed(10_000);

        assertThat(events.stream(StockReserved.class).filter(e -> e.sku().equals(sku.value())))
                .extracting(StockReserved::reference, StockReserved::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cart-events", 2),
                        org.assertj.core.groups.Tuple.tuple("order-events", 3),
                        org.assertj.core.groups.Tuple.tuple("cart-lapsing", 1));
        assertThat(events.stream(ReservationReleased.class).filter(e -> e.sku().equals(sku.value())))
                .extracting(ReservationReleased::reservationId, ReservationReleased::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(cart.id(), ReservationState.RELEASED),
                        org.assertj.core.groups.Tuple.tuple(order.id(), ReservationState.FULFILLED),
                        org.assertj.core.groups.Tuple.tuple(lapsing.id(), ReservationState.EXPIRED));
        assertThat(events.stream(StockLevelChanged.class).filter(e -> e.sku().equals(sku.value())))
                .extracting(StockLevelChanged::kind, StockLevelChanged::quantity, StockLevelChanged::onHand)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MovementKind.RECEIPT, 9, 9),
                        org.assertj.core.groups.Tuple.tuple(MovementKind.SALE, -3, 6));
    }
}
