package io.throughline.pricing.internal;

import io.throughline.catalog.Sku;
import io.throughline.platform.Money;
import io.throughline.pricing.PriceList;
import io.throughline.pricing.PricedList;
import io.throughline.pricing.Promotion;
import io.throughline.pricing.QuoteEngine;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quote engine over every price list and every promotion with budget left, held in memory. Each write bumps
 * {@code pricing.revision} in its own transaction; each quote reads that one row and rebuilds the engine when
 * it has moved, so a change is seen by the next quote on every node.
 */
@Component
class PricingSnapshots {

    private record Snapshot(long version, QuoteEngine engine) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ZoneId zone;
    private volatile @Nullable Snapshot current;

    PricingSnapshots(JdbcClient jdbc, JsonMapper json,
            @Value("${throughline.pricing.time-zone:Europe/Budapest}") String zone) {
        this.jdbc = jdbc;
        this.json = json;
        this.zone = ZoneId.of(zone);
    }

    ZoneId zone() {
        return zone;
    }

    QuoteEngine engine() {
        return snapshot().engine();
    }

    /** Marks every node's snapshot stale; call inside the transaction that changes pricing data. */
    static void changed(JdbcClient jdbc) {
        jdbc.sql("UPDATE pricing.revision SET version = version + 1 WHERE id = 1").update();
    }

    private Snapshot snapshot() {
        long version = jdbc.sql("SELECT version FROM pricing.revision WHERE id = 1").query(Long.class).single();
        Snapshot snapshot = current;
        if (snapshot != null && snapshot.version() == version) {
            return snapshot;
        }
        synchronized (this) {
            snapshot = current;
            if (snapshot != null && snapshot.version() >= version) {
                return snapshot;
            }
            // The version is read before the data: a change committed in between makes the data newer than
            // its label, and the next quote reloads; never older.
            Snapshot loaded = load(version);
            current = loaded;
            return loaded;
        }
    }

    private Snapshot load(long version) {
        Map<UUID, Map<Sku, Money>> prices = new HashMap<>();
        Map<UUID, String> currencies = new HashMap<>();
        List<PriceList> lists = jdbc.sql("SELECT " + JdbcPriceLists.COLUMNS + " FROM pricing.price_list l")
                .query(JdbcPriceLists::priceList).list();
        lists.forEach(list -> {
            prices.put(list.id(), new HashMap<>());
            currencies.put(list.id(), list.currency());
        });
        jdbc.sql("SELECT price_list_id, sku, amount_minor FROM pricing.price_entry").query((ResultSet rs) -> {
            UUID listId = rs.getObject(1, UUID.class);
            prices.get(listId).put(new Sku(rs.getString(2)), new Money(rs.getLong(3), currencies.get(listId)));
        });
        List<PricedList> priced = lists.stream().map(list -> new PricedList(list, prices.get(list.id()))).toList();
        List<Promotion> promotions = new ArrayList<>();
        jdbc.sql("SELECT " + JdbcPromotions.COLUMNS + " FROM pricing.promotion")
                .query((ResultSet rs) -> {
                    Promotion promotion = JdbcPromotions.definition(rs, json)
                            .toPromotion(rs.getObject("id", UUID.class), rs.getInt("used_count"),
                                    rs.getLong("used_minor"), rs.getTimestamp("created_at").toInstant());
                    boolean exhausted = Integer.valueOf(0).equals(promotion.remainingCount())
                            || (promotion.remainingAmount() != null && promotion.remainingAmount().isZero());
                    if (!exhausted) {
                        promotions.add(promotion);
                    }
                });
        return new Snapshot(version, new QuoteEngine(priced, promotions, zone));
    }
}
