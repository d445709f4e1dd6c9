package io.throughline.pricing.internal;

import io.throughline.catalog.Sku;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.platform.Rows;
import io.throughline.pricing.NewPrice;
import io.throughline.pricing.NewPriceList;
import io.throughline.pricing.PriceEntry;
import io.throughline.pricing.PriceList;
import io.throughline.pricing.PriceLists;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcPriceLists implements PriceLists {

    static final String COLUMNS = "l.id, l.name, l.currency, l.channels, l.customer_group, l.valid_from, "
            + "l.valid_until, l.priority, l.created_at, "
            + "(SELECT count(*) FROM pricing.price_entry e WHERE e.price_list_id = l.id) AS entries";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcPriceLists(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public PriceList create(NewPriceList list) {
        Money.zero(list.currency());
        UUID id = Ids.newId(clock);
        Timestamp now = Rows.timestamp(clock.instant());
        jdbc.sql("""
                INSERT INTO pricing.price_list (id, name, currency, channels, customer_group, valid_from, valid_until,
                                                priority, created_at, updated_at)
                VALUES (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)""")
                .params(id, list.name().strip(), list.currency(), list.channels().toArray(String[]::new),
                        list.customerGroup(), Rows.timestampOrNull(list.validFrom()), Rows.timestampOrNull(list.validUntil()),
                        list.priority(), now, now)
                .update();
        PricingSnapshots.changed(jdbc);
        return get(id);
    }

    @Override
    public PriceList get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pricing.price_list l WHERE l.id = ?").param(id)
                .query(JdbcPriceLists::priceList).optional().orElseThrow(() -> new NotFoundException("Price list", id));
    }

    @Override
    public Page<PriceList> list(PageRequest page) {
        return new PagedQuery(COLUMNS, "FROM pricing.price_list l", "l.priority DESC, l.created_at, l.id")
                .read(jdbc, page, JdbcPriceLists::priceList);
    }

    @Override
    @Transactional
    public PriceList setPrices(UUID listId, List<NewPrice> prices) {
        PriceList list = get(listId);
        Map<String, Long> amounts = new LinkedHashMap<>();
        for (int i = 0; i < prices.size(); i++) {
            NewPrice price = prices.get(i);
            String field = "prices[" + i + "]";
            String sku;
            try {
                sku = Sku.of(price.sku()).value();
            } catch (InvalidRequestException malformed) {
                throw new InvalidRequestException(field + ".sku", malformed.reason());
            }
            if (price.price().signum() < 0) {
                throw new InvalidRequestException(field + ".price", "must not be negative");
            }
            try {
                amounts.put(sku, Money.of(price.price(), list.currency()).minor());
            } catch (InvalidRequestException tooPrecise) {
                throw new InvalidRequestException(field + ".price", tooPrecise.reason());
            }
        }
        jdbc.sql("""
                INSERT INTO pricing.price_entry (price_list_id, sku, amount_minor)
                SELECT ?, sku, amount FROM unnest(?::text[], ?::bigint[]) AS t(sku, amount)
                ON CONFLICT (price_list_id, sku) DO UPDATE SET amount_minor = excluded.amount_minor""")
                .params(listId, amounts.keySet().toArray(String[]::new),
                        amounts.values().toArray(Long[]::new))
                .update();
        jdbc.sql("UPDATE pricing.price_list SET updated_at = ? WHERE id = ?")
                .params(Rows.timestamp(clock.instant()), listId).update();
        PricingSnapshots.changed(jdbc);
        return get(listId);
    }

    @Override
    public Page<PriceEntry> prices(UUID listId, PageRequest page) {
        // The list counts its entries, so the page needs no count of its own.
        PriceList list = get(listId);
        List<PriceEntry> items = jdbc.sql("""
                SELECT sku, amount_minor FROM pricing.price_entry WHERE price_list_id = ?
                ORDER BY sku LIMIT ? OFFSET ?""")
                .params(listId, page.size(), page.offset())
                .query((rs, row) -> new PriceEntry(rs.getString("sku"), new Money(rs.getLong("amount_minor"), list.currency())))
                .list();
        return new Page<>(items, page.page(), page.size(), list.entries());
    }

    static PriceList priceList(ResultSet rs, int row) throws SQLException {
        return new PriceList(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("currency"),
                Arrays.asList((String[]) rs.getArray("channels").getArray()), rs.getString("customer_group"),
                Rows.instantOrNull(rs, "valid_from"), Rows.instantOrNull(rs, "valid_until"),
                rs.getInt("priority"), rs.getLong("entries"), Rows.instant(rs, "created_at"));
    }
}
