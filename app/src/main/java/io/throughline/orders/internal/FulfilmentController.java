package io.throughline.orders.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.inventory.StockLocations;
import io.throughline.orders.Fulfilments;
import io.throughline.orders.Order;
import io.throughline.orders.OrderReturn;
import io.throughline.orders.OrderSummary;
import io.throughline.orders.Returns;
import io.throughline.orders.ShopScope;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.StaffAccounts;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import io.throughline.orders.PaymentMethod;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A location's fulfilment work, by location id or code ({@code /api/fulfilment/shop-budapest/…}): the pick
 * list, ready for pickup, picked up, shipped, delivered, and the staff lists of pickups due and returns received.
 */
@RestController
@RequestMapping("/api/fulfilment/{location}")
@Tag(name = "Fulfilment", description = "Pick lists, pickup, shipping and the shops' lists of pickups and returns")
class FulfilmentController {

    private static final String STORE_STAFF = "hasAnyRole('ADMIN', 'STORE_ASSOCIATE')";

    /** @param paidWith how the money of an order paid at pickup was taken (CASH or CARD_PRESENT); absent otherwise */
    record PickupRequest(@NotBlank @Size(max = 20) String pickupCode, @Nullable PaymentMethod paidWith) {}

    record ShipRequest(@NotBlank @Size(max = 100) String trackingNumber) {}

    private final Fulfilments fulfilments;
    private final Returns returns;
    private final StockLocations locations;
    private final StaffAccounts staffAccounts;

    FulfilmentController(Fulfilments fulfilments, Returns returns, StockLocations locations,
            StaffAccounts staffAccounts) {
        this.staffAccounts = staffAccounts;
        this.fulfilments = fulfilments;
        this.returns = returns;
        this.locations = locations;
    }

    @GetMapping("/pick-list")
    @PreAuthorize(STORE_STAFF)
    List<Fulfilments.PickListEntry> pickList(Authentication staff, @PathVariable String location) {
        return fulfilments.pickList(locationId(location, staff));
    }

    @PostMapping("/orders/{orderId}/ready-for-pickup")
    @PreAuthorize(STORE_STAFF)
    Order readyForPickup(Authentication staff, @PathVariable String location, @PathVariable UUID orderId) {
        return fulfilments.readyForPickup(orderId, locationId(location, staff));
    }

    @PostMapping("/orders/{orderId}/picked-up")
    @PreAuthorize(STORE_STAFF)
    Order pickedUp(Authentication staff, @PathVariable String location, @PathVariable UUID orderId,
            @Valid @RequestBody PickupRequest pickup, @RequestParam(required = false) @Nullable String channel) {
        UUID locationId = locationId(location, staff);
        String code = locations.get(locationId).code();
        return fulfilments.pickUp(orderId, locationId, pickup.pickupCode(),
                channel == null || channel.isBlank() ? code : channel, pickup.paidWith());
    }

    @PostMapping("/orders/{orderId}/shipped")
    @PreAuthorize(STORE_STAFF)
    Order shipped(Authentication staff, @PathVariable String location, @PathVariable UUID orderId, @Valid @RequestBody ShipRequest ship) {
        return fulfilments.ship(orderId, locationId(location, staff), ship.trackingNumber());
    }

    @PostMapping("/orders/{orderId}/delivered")
    @PreAuthorize(STORE_STAFF)
    Order delivered(Authentication staff, @PathVariable String location, @PathVariable UUID orderId) {
        return fulfilments.delivered(orderId, locationId(location, staff));
    }

    @GetMapping("/pickups-due")
    @PreAuthorize(STORE_STAFF)
    Page<OrderSummary> pickupsDue(Authentication staff, @PathVariable String location, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return fulfilments.pickupsDue(locationId(location, staff), new PageRequest(page, size));
    }

    @GetMapping("/returns")
    @PreAuthorize(STORE_STAFF)
    Page<OrderReturn> returnsReceived(Authentication staff, @PathVariable String location, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return returns.receivedAt(locationId(location, staff), new PageRequest(page, size));
    }

    /** The location, once it is one whose work this member of staff may see ({@link ShopScope}). */
    private UUID locationId(String location, Authentication staff) {
        UUID id = FulfilmentService.location(locations, location).id();
        ShopScope.check(staffAccounts.get(CurrentStaff.id(staff)), id);
        return id;
    }
}
