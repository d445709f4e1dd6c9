package io.throughline.pricing.internal;

import io.throughline.catalog.Catalogue;
import io.throughline.catalog.CatalogueItem;
import io.throughline.catalog.Sku;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import io.throughline.pricing.Cart;
import io.throughline.pricing.Pricing;
import io.throughline.pricing.Quote;
import io.throughline.pricing.QuoteRequest;
import io.throughline.pricing.Redemption;
import io.throughline.pricing.RedemptionRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import io.throughline.segments.SegmentMembers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a channel's request into a cart for the quote engine — categories from the catalogue, coupon codes
 * resolved and checked against who holds them — and redeems quotes with their limits enforced in PostgreSQL.
 */
@Service
class QuoteService implements Pricing {

    private record Coupon(String code, UUID promotionId, String kind, @Nullable UUID customerId,
            @Nullable Instant redeemedAt) {}

    private record Use(boolean exhausted, boolean unbudgeted, @Nullable Integer perCustomerLimit) {}

    private final JdbcClient jdbc;
    private final PricingSnapshots snapshots;
    private final ObjectProvider<Catalogue> catalogue;
    private final ObjectProvider<SegmentMembers> segmentMembers;
    private final JsonMapper json;
    private final Clock clock;
    private volatile @Nullable Catalogue resolvedCatalogue;

    QuoteService(JdbcClient jdbc, PricingSnapshots snapshots, ObjectProvider<Catalogue> catalogue,
            ObjectProvider<SegmentMembers> segmentMembers, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.catalogue = catalogue;
        this.segmentMembers = segmentMembers;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Quote quote(QuoteRequest request) {
        Money.zero(request.currency());
        List<Sku> skus = new ArrayList<>(request.lines().size());
        for (int i = 0; i < request.lines().size(); i++) {
            try {
                skus.add(Sku.of(request.lines().get(i).sku()));
            } catch (InvalidRequestException malformed) {
                throw new InvalidRequestException("lines[" + i + "].sku", malformed.reason());
            }
        }
        Map<Sku, CatalogueItem> items = categoriesOf(skus);
        List<Cart.Line> lines = new ArrayList<>(skus.size());
        for (int i = 0; i < skus.size(); i++) {
            int quantity = request.lines().get(i).quantity();
            if (quantity < 1) {
                throw new InvalidRequestException("lines[" + i + "].quantity", "must be 1 or more");
            }
            CatalogueItem item = items.get(skus.get(i));
            lines.add(new Cart.Line(skus.get(i), quantity, item == null ? List.of() : item.categoryIds()));
        }
        List<Cart.PresentedCoupon> coupons = coupons(request).stream()
                .map(coupon -> new Cart.PresentedCoupon(coupon.code(), coupon.promotionId())).toList();
        Instant at = request.at() == null ? clock.instant() : request.at();
        return snapshots.engine().quote(new Cart(request.channel(), request.currency(), request.customerId(),
                request.customerGroup(), segmentsOf(request), lines, coupons, at));
    }

    /**
     * The segments a quote is priced in: those the channel names, and, for a known customer, the segments she is a
     * member of now, so a promotion for a segment applies in every channel without each channel asking.
     */
    private List<String> segmentsOf(QuoteRequest request) {
        SegmentMembers members = segmentMembers.getIfAvailable();
        if (request.customerId() == null || members == null) {
            return request.segments();
        }
        java.util.Set<String> segments = new java.util.LinkedHashSet<>(request.segments());
        segments.addAll(members.segmentsOf(request.customerId()));
        return List.copyOf(segments);
    }

    @Override
    @Transactional
    public Redemption redeem(RedemptionRequest request) {
        Optional<Redemption> earlier = byReference(request.reference());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // Priced as of now: a channel may preview a cart at another instant, but it pays today's price.
        QuoteRequest asked = request.quote();
        Quote quote = quote(new QuoteRequest(asked.channel(), asked.currency(), asked.customerId(),
                asked.customerGroup(), asked.segments(), asked.couponCodes(), asked.lines(), null));
        Map<String, Coupon> coupons = new HashMap<>();
        coupons(request.quote()).forEach(coupon -> coupons.put(coupon.code(), coupon));
        UUID id = Ids.newId(clock);
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                INSERT INTO pricing.redemption (id, reference, customer_id, channel, currency, total_minor,
                                                discount_minor, quote, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (reference) DO NOTHING""")
                .params(id, request.reference(), quote.customerId(), quote.channel(), quote.currency(),
                        quote.total().minor(), -quote.discount().minor(), json.writeValueAsString(quote),
                        Timestamp.from(now))
                .update();
        if (inserted == 0) {
            // The same reference was redeemed concurrently, and has committed by now.
            return byReference(request.reference()).orElseThrow();
        }
        // Locks are taken in promotion id order, so that two redemptions never wait for each other in a cycle.
        List<Quote.Adjustment> adjustments = quote.adjustments().stream()
                .sorted(Comparator.comparing(Quote.Adjustment::promotionId)).toList();
        boolean exhausted = false;
        for (Quote.Adjustment adjustment : adjustments) {
            String name = "'" + adjustment.promotionName() + "'";
            long amount = -adjustment.amount().minor();
            // A key-share lock lets concurrent redemptions through together but keeps a budget from being set
            // under them (setting one locks the row for update and takes over the uses counted so far).
            Use limits = jdbc.sql("""
                    SELECT budget_count IS NULL AND budget_minor IS NULL, per_customer_limit
                    FROM pricing.promotion WHERE id = ? FOR KEY SHARE""")
                    .param(adjustment.promotionId())
                    .query((rs, row) -> new Use(false, rs.getBoolean(1), rs.getObject(2, Integer.class))).single();
            // The budget check and the use are one statement: PostgreSQL re-checks the condition on the locked
            // row, so concurrent redemptions can never overspend. Without a budget the row is not written: its
            // uses are the adjustments recorded below, and every checkout would otherwise queue on that row.
            Optional<Use> used = limits.unbudgeted() ? Optional.of(limits) : jdbc.sql("""
                    UPDATE pricing.promotion SET used_count = used_count + 1, used_minor = used_minor + ?
                    WHERE id = ? AND (budget_count IS NULL OR used_count < budget_count)
                      AND (budget_minor IS NULL OR used_minor + ? <= budget_minor)
                    RETURNING (budget_count IS NOT NULL AND used_count >= budget_count)
                           OR (budget_minor IS NOT NULL AND used_minor >= budget_minor), per_customer_limit""")
                    .params(amount, adjustment.promotionId(), amount)
                    .query((rs, row) -> new Use(rs.getBoolean(1), false, rs.getObject(2, Integer.class))).optional();
            if (used.isEmpty()) {
                throw new ConflictException("quote.couponCodes", "Promotion " + name + " has no budget left for this "
                        + "redemption; price the cart again");
            }
            Integer limit = used.get().perCustomerLimit();
            if (limit != null) {
                if (quote.customerId() == null) {
                    throw new InvalidRequestException("quote.customerId", "is required: promotion " + name
                            + " is limited per customer");
                }
                boolean allowed = jdbc.sql("""
                        INSERT INTO pricing.customer_use AS u (promotion_id, customer_id, uses) VALUES (?, ?, 1)
                        ON CONFLICT (promotion_id, customer_id) DO UPDATE SET uses = u.uses + 1 WHERE u.uses < ?
                        RETURNING uses""")
                        .params(adjustment.promotionId(), quote.customerId(), limit)
                        .query(Integer.class).optional().isPresent();
                if (!allowed) {
                    throw new ConflictException("quote.customerId", "The customer has already used promotion " + name
                            + (adjustment.couponCode() == null ? "" : " (coupon " + adjustment.couponCode() + ")")
                            + " as often as it allows: " + times(limit));
                }
            }
            exhausted |= used.get().exhausted();
            if (adjustment.couponCode() != null) {
                Coupon coupon = coupons.get(adjustment.couponCode());
                if (coupon != null && "UNIQUE".equals(coupon.kind())) {
                    int redeemed = jdbc.sql("""
                            UPDATE pricing.coupon_code SET redeemed_at = ?, redemption_id = ?
                            WHERE code = ? AND redeemed_at IS NULL""")
                            .params(Timestamp.from(now), id, coupon.code()).update();
                    if (redeemed == 0) {
                        throw new ConflictException("quote.couponCodes", "Coupon " + coupon.code()
                                + " has already been used");
                    }
                }
            }
            jdbc.sql("""
                    INSERT INTO pricing.redemption_adjustment (redemption_id, promotion_id, coupon_code, amount_minor)
                    VALUES (?, ?, ?, ?)""")
                    .params(id, adjustment.promotionId(), adjustment.couponCode(), amount).update();
        }
        if (exhausted) {
            // A promotion with nothing left drops out of every node's quotes.
            PricingSnapshots.changed(jdbc);
        }
        return new Redemption(id, request.reference(), quote, now);
    }

    private static String times(int count) {
        return count + (count == 1 ? " time" : " times");
    }

    private Optional<Redemption> byReference(String reference) {
        return jdbc.sql("SELECT id, reference, quote, created_at FROM pricing.redemption WHERE reference = ?")
                .param(reference)
                .query((rs, row) -> new Redemption(rs.getObject(1, UUID.class), rs.getString(2),
                        json.readValue(rs.getString(3), Quote.class), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    private Map<Sku, CatalogueItem> categoriesOf(List<Sku> skus) {
        Catalogue available = resolvedCatalogue;
        if (available == null) {
            // Looking the bean up is a tenth of a quote's time, so it is looked up until found, then kept.
            available = catalogue.getIfAvailable();
            resolvedCatalogue = available;
        }
        return available == null ? Map.of() : available.items(new LinkedHashSet<>(skus));
    }

    /** The presented codes, refused when unknown, used up, or granted to someone else. */
    private List<Coupon> coupons(QuoteRequest request) {
        if (request.couponCodes().isEmpty()) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        request.couponCodes().forEach(code -> codes.add(code.strip().toUpperCase(Locale.ROOT)));
        Map<String, Coupon> found = new HashMap<>();
        jdbc.sql("""
                SELECT c.code, b.promotion_id, b.kind, c.customer_id, c.redeemed_at
                FROM pricing.coupon_code c JOIN pricing.coupon_batch b ON b.id = c.batch_id
                WHERE c.code = ANY(?)""")
                .param(codes.toArray(String[]::new))
                .query((rs, row) -> new Coupon(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list().forEach(coupon -> found.put(coupon.code(), coupon));
        List<Coupon> coupons = new ArrayList<>();
        for (String code : codes) {
            Coupon coupon = found.get(code);
            if (coupon == null) {
                throw new InvalidRequestException("couponCodes", "coupon " + code + " does not exist");
            }
            if (coupon.redeemedAt() != null) {
                throw new InvalidRequestException("couponCodes", "coupon " + code + " has already been used");
            }
            if (coupon.customerId() != null && !coupon.customerId().equals(request.customerId())) {
                throw new InvalidRequestException("couponCodes", "coupon " + code + " was granted to a customer; "
                        + (request.customerId() == null ? "the quote needs that customer's id"
                        : "this is not that customer"));
            }
            coupons.add(coupon);
        }
        if (request.customerId() != null) {
            // A preview of the per-customer limit; redemption enforces it again under a lock.
            jdbc.sql("""
                    SELECT p.name, p.per_customer_limit FROM pricing.customer_use u
                    JOIN pricing.promotion p ON p.id = u.promotion_id
                    WHERE u.customer_id = ? AND u.promotion_id = ANY(?) AND u.uses >= p.per_customer_limit""")
                    .params(request.customerId(), coupons.stream().map(Coupon::promotionId).toArray(UUID[]::new))
                    .query((rs, row) -> "this customer has already used promotion '" + rs.getString(1)
                            + "' as often as it allows: " + times(rs.getInt(2)))
                    .list().stream().findFirst().ifPresent(reason -> {
                        throw new InvalidRequestException("couponCodes", reason);
                    });
        }
        return coupons;
    }
}
