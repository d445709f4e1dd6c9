package io.throughline.carts.internal;

import io.throughline.platform.StaffPermission;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.carts.Cart;
import io.throughline.carts.Carts;
import io.throughline.platform.Channel;
import io.throughline.platform.CurrentStaff;
import io.throughline.tracking.Channels;
import io.throughline.carts.Fulfilment;
import io.throughline.carts.NewCart;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Carts for every channel. Each request names its channel ({@code ?channel=web}) and the shopper it acts for:
 * her profile ({@code &profileId=…}) or her anonymous id ({@code &anonymousId=…}); who may name nobody is
 * {@link CartOwners}' rule. Channels call with an API token of a staff account in a
 * selling role: administrators, store associates (tills) and contact-centre agents; marketers and analysts
 * read carts through Customer 360, not here.
 */
@RestController
@RequestMapping("/api/carts")
@Tag(name = "Carts", description = "Carts across channels: lines, prices, stock holds, merge on sign-in, handoff codes")
class CartsController {

    static final String SELLERS = StaffPermission.Rules.SELL;
    static final int MAX_QUANTITY = 999;

    record LineRequest(@NotNull String sku,
            @NotNull @Min(value = 1, message = "must be 1 or more") @Max(MAX_QUANTITY) Integer quantity) {}

    record QuantityRequest(@NotNull @Min(value = 1, message = "must be 1 or more") @Max(MAX_QUANTITY) Integer quantity) {}

    record CouponRequest(@NotBlank @Size(max = 40) String code) {}

    record FulfilmentRequest(@NotNull Fulfilment.Kind kind, @Nullable UUID locationId) {}

    record MergeRequest(@NotNull UUID profileId) {}

    /**
     * A handoff code with where to fetch its QR image.
     *
     * @param page the shopper's own page with the code and its QR code: public, signed, working until the code
     *             expires; a channel shows it or sends it to her
     */
    record HandoffResponse(String code, UUID cartId, Instant expiresAt, String qrImage, String page) {
        static HandoffResponse of(Handoff handoff, HandoffLinks links) {
            return new HandoffResponse(handoff.code(), handoff.cartId(), handoff.expiresAt(),
                    "/api/carts/" + handoff.cartId() + "/handoff/qr.png",
                    links.page(handoff.cartId(), handoff.expiresAt()));
        }
    }

    private final CartService carts;
    private final Channels channels;
    private final HandoffClaimLimits claimLimits;
    private final CartOwners owners;

    private final HandoffLinks handoffLinks;

    CartsController(CartService carts, Channels channels, HandoffClaimLimits claimLimits, CartOwners owners,
            HandoffLinks handoffLinks) {
        this.handoffLinks = handoffLinks;
        this.owners = owners;
        this.claimLimits = claimLimits;
        this.carts = carts;
        this.channels = channels;
    }

    @PostMapping
    @PreAuthorize(SELLERS)
    ResponseEntity<Cart> open(@Valid @RequestBody NewCart cart, @RequestParam(required = false) @Nullable String channel) {
        Carts.Opened opened = carts.open(cart, channelOf(channel));
        return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/carts/" + opened.cart().id())).body(opened.cart());
    }

    @GetMapping("/{id}")
    @PreAuthorize(SELLERS)
    Cart view(@PathVariable UUID id, @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable UUID profileId,
            @RequestParam(required = false) @Nullable String anonymousId, Authentication staff) {
        return carts.view(id, ownedBy(id, channel, staff, profileId, anonymousId), profileId);
    }

    @PostMapping("/{id}/lines")
    @PreAuthorize(SELLERS)
    Cart add(@PathVariable UUID id, @Valid @RequestBody LineRequest line,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable UUID profileId,
            @RequestParam(required = false) @Nullable String anonymousId, Authentication staff) {
        return carts.add(id, line.sku(), line.quantity(), ownedBy(id, channel, staff, profileId, anonymousId), profileId);
    }

    @PatchMapping("/{id}/lines/{sku}")
    @PreAuthorize(SELLERS)
    Cart change(@PathVariable UUID id, @PathVariable String sku, @Valid @RequestBody QuantityRequest change,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable UUID profileId,
            @RequestParam(required = false) @Nullable String anonymousId, Authentication staff) {
        return carts.change(id, sku, change.quantity(), ownedBy(id, channel, staff, profileId, anonymousId), profileId);
    }

    @DeleteMapping("/{id}/lines/{sku}")
    @PreAuthorize(SELLERS)
    Cart remove(@PathVariable UUID id, @PathVariable String sku,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable UUID profileId,
            @RequestParam(required = false) @Nullable String anonymousId, Authentication staff) {
        return carts.remove(id, sku, ownedBy(id, channel, staff, profileId, anonymousId), profileId);
    }

    @PostMapping("/{id}/coupons")
    @PreAuthorize(SELLERS)
    Cart applyCoupon(@PathVariable UUID id, @Valid @RequestBody CouponRequest coupon,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable UUID profileId,
            @RequestParam(required = false) @Nullable String anonymousId, Authentication staff) {
        return carts.applyCoupon(id, coupon.code(), ownedBy(id, channel, staff, profileId, anonymousId), profileId);
    }

    @DeleteMapping("/{id}/coupons/{code}")
    @PreAuthorize(SELLERS)
    Cart removeCoupon(@PathVariable UUID id, @PathVariable String code,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable UUID profileId,
            @RequestParam(required = false) @Nullable String anonymousId, Authentication staff) {
        return carts.removeCoupon(id, code, ownedBy(id, channel, staff, profileId, anonymousId), profileId);
    }

    @PutMapping("/{id}/fulfilment")
    @PreAuthorize(SELLERS)
    Cart fulfilment(@PathVariable UUID id, @Valid @RequestBody FulfilmentRequest fulfilment,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable UUID profileId,
            @RequestParam(required = false) @Nullable String anonymousId, Authentication staff) {
        return carts.chooseFulfilment(id, fulfilment.kind(), fulfilment.locationId(), ownedBy(id, channel, staff, profileId, anonymousId), profileId);
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize(SELLERS)
    MergeOutcome merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest merge,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String anonymousId, Authentication staff) {
        return carts.merge(id, merge.profileId(), ownedBy(id, channel, staff, null, anonymousId));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(SELLERS)
    Cart close(@PathVariable UUID id, @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable UUID profileId,
            @RequestParam(required = false) @Nullable String anonymousId, Authentication staff) {
        return carts.close(id, ownedBy(id, channel, staff, profileId, anonymousId), profileId);
    }

    @PostMapping("/{id}/handoff")
    @PreAuthorize(SELLERS)
    @ResponseStatus(HttpStatus.CREATED)
    HandoffResponse issueHandoff(@PathVariable UUID id, @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable UUID profileId,
            @RequestParam(required = false) @Nullable String anonymousId, Authentication staff) {
        return HandoffResponse.of(carts.issueHandoff(id, ownedBy(id, channel, staff, profileId, anonymousId), profileId),
                handoffLinks);
    }

    @GetMapping("/{id}/handoff/qr.png")
    @PreAuthorize(SELLERS)
    ResponseEntity<byte[]> handoffQr(@PathVariable UUID id) {
        Handoff handoff = carts.liveHandoff(id);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header("Cache-Control", "no-store")
                .body(QrImages.png(handoff.code()));
    }

    @PostMapping("/handoff/{code}")
    @PreAuthorize(SELLERS)
    Cart claimHandoff(@PathVariable String code, @RequestParam(required = false) @Nullable String channel,
            Authentication staff) {
        claimLimits.admit(CurrentStaff.id(staff));
        return carts.claimHandoff(code, channelOf(channel));
    }

    /** The channel, once the request has shown it may touch this cart (see {@link CartOwners}). */
    private Channel ownedBy(UUID cartId, @Nullable String channel, Authentication staff, @Nullable UUID profileId,
            @Nullable String anonymousId) {
        Channel resolved = channelOf(channel);
        owners.check(cartId, resolved, staff, profileId, anonymousId);
        return resolved;
    }

    /** A missing channel is refused with the field named, not by Spring with a bare 400. */
    private Channel channelOf(@Nullable String channel) {
        return channels.resolve(channel == null ? "" : channel);
    }
}
