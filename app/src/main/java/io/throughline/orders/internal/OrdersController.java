package io.throughline.orders.internal;

import io.throughline.carts.CartAccess;
import io.throughline.platform.Channel;
import io.throughline.platform.StaffPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.orders.CheckoutRequest;
import io.throughline.orders.Order;
import io.throughline.orders.OrderReturn;
import io.throughline.orders.OrderSummary;
import io.throughline.orders.Orders;
import io.throughline.orders.ReturnRequest;
import io.throughline.orders.Returns;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.Money;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.privacy.AccessAudit;
import io.throughline.tracking.Channels;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checkout, orders, returns and customers' order histories for every channel. Like carts, each write names its
 * channel ({@code ?channel=shop-budapest}) and, at checkout, the shopper's profile when the channel knows her.
 * Selling roles (administrators, store associates, contact-centre agents) use it; reading a customer's
 * orders is a read of her personal data and is audited.
 */
@RestController
@Tag(name = "Orders", description = "Checkout (idempotent), orders, cancellation, returns and refunds, order history")
class OrdersController {

    static final String SELLERS = StaffPermission.Rules.SELL;

    record CancelRequest(@NotBlank @Size(max = 500) String reason) {}

    private final Orders orders;
    private final Returns returns;
    private final Channels channels;
    private final AccessAudit audit;
    private final CartAccess cartAccess;

    OrdersController(Orders orders, Returns returns, Channels channels, AccessAudit audit, CartAccess cartAccess) {
        this.cartAccess = cartAccess;
        this.orders = orders;
        this.returns = returns;
        this.channels = channels;
        this.audit = audit;
    }

    @PostMapping("/api/orders")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Check a cart out: re-price, redeem coupons, allocate stock, pay, place the order. "
            + "Needs an Idempotency-Key header; a repeat with the same key and body returns the same outcome")
    ResponseEntity<Order> checkout(@Valid @RequestBody CheckoutRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable UUID profileId,
            @RequestParam(required = false) @Nullable String anonymousId, Authentication staff) {
        Channel resolved = channels.resolve(channel == null ? "" : channel);
        cartAccess.check(request.cartId(), resolved, staff, profileId, anonymousId);
        Orders.Placed placed = orders.checkout(request, resolved, profileId,
                idempotencyKey == null ? "" : idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/orders/" + placed.order().id()))
                .header("Idempotent-Replayed", Boolean.toString(!placed.created())).body(placed.order());
    }

    @GetMapping("/api/orders/{id}")
    @PreAuthorize(SELLERS)
    Order get(@PathVariable UUID id, Authentication staff) {
        Order order = orders.get(id);
        if (order.profileId() != null) {
            audit.record(CurrentStaff.id(staff), List.of(order.profileId()), "order");
        }
        return order;
    }

    @PostMapping("/api/orders/{id}/cancel")
    @PreAuthorize(SELLERS)
    Order cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest cancel,
            @RequestParam(required = false) @Nullable String channel) {
        return orders.cancel(id, channel == null || channel.isBlank() ? "console" : channel, cancel.reason());
    }

    @PostMapping("/api/orders/{id}/returns")
    @PreAuthorize(SELLERS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Take goods of the order back at a location, refunding them to the payment or store credit")
    OrderReturn acceptReturn(@PathVariable UUID id, @Valid @RequestBody ReturnRequest request,
            @RequestParam(required = false) @Nullable String channel) {
        return returns.accept(id, request, channels.resolve(channel == null ? "" : channel));
    }

    @GetMapping("/api/customers/{profileId}/orders")
    @PreAuthorize(SELLERS)
    @Operation(summary = "The customer's orders from every channel, newest first")
    Page<OrderSummary> history(@PathVariable UUID profileId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size, Authentication staff) {
        Page<OrderSummary> history = orders.ofCustomer(profileId, new PageRequest(page, size));
        audit.record(CurrentStaff.id(staff), List.of(profileId), "orders");
        return history;
    }

    @GetMapping("/api/customers/{profileId}/store-credit")
    @PreAuthorize(SELLERS)
    Money storeCredit(@PathVariable UUID profileId, @RequestParam String currency) {
        return returns.storeCredit(profileId, currency);
    }
}
