package io.throughline.pricing.internal;

import io.throughline.platform.StaffPermission;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.pricing.CouponBatch;
import io.throughline.pricing.CouponGrant;
import io.throughline.pricing.GrantedCoupon;
import io.throughline.pricing.NewCouponBatch;
import io.throughline.pricing.NewPrice;
import io.throughline.pricing.NewPriceList;
import io.throughline.pricing.NewPromotion;
import io.throughline.pricing.PriceEntry;
import io.throughline.pricing.PriceList;
import io.throughline.pricing.PriceLists;
import io.throughline.pricing.Pricing;
import io.throughline.pricing.PromotionView;
import io.throughline.pricing.Promotions;
import io.throughline.pricing.Quote;
import io.throughline.pricing.QuoteRequest;
import io.throughline.pricing.Redemption;
import io.throughline.pricing.RedemptionRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prices for every channel. Marketers and administrators manage lists, promotions and coupons; any member of
 * staff (and so any channel's API token) may ask for a quote; those who take payment redeem and grant.
 */
@RestController
@RequestMapping("/api/pricing")
@Tag(name = "Pricing", description = "Price lists, promotions, coupons, quotes and redemptions")
class PricingController {

    static final String MANAGERS = StaffPermission.Rules.MANAGE_PRICES;
    static final String SELLERS = "hasAnyRole('ADMIN', 'MARKETER', 'AGENT', 'STORE_ASSOCIATE')";

    record PricesRequest(@NotNull @NotEmpty @Size(max = 10_000) List<@NotNull @Valid NewPrice> prices) {}

    private final PriceLists priceLists;
    private final Promotions promotions;
    private final Pricing pricing;

    PricingController(PriceLists priceLists, Promotions promotions, Pricing pricing) {
        this.priceLists = priceLists;
        this.promotions = promotions;
        this.pricing = pricing;
    }

    @PostMapping("/quotes")
    @PreAuthorize(StaffPermission.Rules.READ_PRICES)
    Quote quote(@Valid @RequestBody QuoteRequest request) {
        return pricing.quote(request);
    }

    @PostMapping("/redemptions")
    @PreAuthorize(SELLERS)
    @ResponseStatus(HttpStatus.CREATED)
    Redemption redeem(@Valid @RequestBody RedemptionRequest request) {
        return pricing.redeem(request);
    }

    @PostMapping("/coupons/grants")
    @PreAuthorize(SELLERS)
    @ResponseStatus(HttpStatus.CREATED)
    GrantedCoupon grant(@Valid @RequestBody CouponGrant grant) {
        return promotions.grant(grant);
    }

    @PostMapping("/price-lists")
    @PreAuthorize(MANAGERS)
    ResponseEntity<PriceList> createList(@Valid @RequestBody NewPriceList list) {
        PriceList created = priceLists.create(list);
        return ResponseEntity.created(URI.create("/api/pricing/price-lists/" + created.id())).body(created);
    }

    @GetMapping("/price-lists")
    @PreAuthorize(StaffPermission.Rules.READ_PRICES)
    Page<PriceList> lists(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return priceLists.list(new PageRequest(page, size));
    }

    @GetMapping("/price-lists/{id}")
    @PreAuthorize(StaffPermission.Rules.READ_PRICES)
    PriceList list(@PathVariable UUID id) {
        return priceLists.get(id);
    }

    @PutMapping("/price-lists/{id}/prices")
    @PreAuthorize(MANAGERS)
    PriceList setPrices(@PathVariable UUID id, @Valid @RequestBody PricesRequest request) {
        return priceLists.setPrices(id, request.prices());
    }

    @GetMapping("/price-lists/{id}/prices")
    @PreAuthorize(StaffPermission.Rules.READ_PRICES)
    Page<PriceEntry> prices(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return priceLists.prices(id, new PageRequest(page, size));
    }

    @PostMapping("/promotions")
    @PreAuthorize(MANAGERS)
    ResponseEntity<PromotionView> createPromotion(@Valid @RequestBody NewPromotion promotion) {
        PromotionView created = promotions.create(promotion);
        return ResponseEntity.created(URI.create("/api/pricing/promotions/" + created.id())).body(created);
    }

    @GetMapping("/promotions")
    @PreAuthorize(StaffPermission.Rules.READ_PRICES)
    Page<PromotionView> promotions(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return promotions.list(new PageRequest(page, size));
    }

    @GetMapping("/promotions/{id}")
    @PreAuthorize(StaffPermission.Rules.READ_PRICES)
    PromotionView promotion(@PathVariable UUID id) {
        return promotions.get(id);
    }

    @PutMapping("/promotions/{id}")
    @PreAuthorize(MANAGERS)
    PromotionView updatePromotion(@PathVariable UUID id, @Valid @RequestBody NewPromotion promotion) {
        return promotions.update(id, promotion);
    }

    @PostMapping("/promotions/{id}/coupon-batches")
    @PreAuthorize(MANAGERS)
    @ResponseStatus(HttpStatus.CREATED)
    CouponBatch createBatch(@PathVariable UUID id, @Valid @RequestBody NewCouponBatch batch) {
        return promotions.createBatch(id, batch);
    }

    @GetMapping("/coupon-batches")
    @PreAuthorize(StaffPermission.Rules.READ_PRICES)
    Page<CouponBatch> batches(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return promotions.batches(new PageRequest(page, size));
    }
}
