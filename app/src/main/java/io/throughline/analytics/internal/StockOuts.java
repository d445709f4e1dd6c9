package io.throughline.analytics.internal;

import io.throughline.inventory.StockLevelChanged;
import io.throughline.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the stock ledger's level changes for the stock-out rate: each change is kept once, as it happened, and
 * the stretches with nothing on hand are read from them in order. The outbox may deliver changes out of order or
 * twice; neither changes what is kept.
 */
@Component
class StockOuts {

    private final JdbcClient jdbc;

    StockOuts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(StockLevelChanged changed) {
        jdbc.sql("""
                INSERT INTO analytics.stock_level (sku, location_id, changed_at, on_hand) VALUES (?, ?, ?, ?)
                ON CONFLICT (sku, location_id, changed_at) DO UPDATE SET on_hand = excluded.on_hand""")
                .params(changed.sku(), changed.locationId(), Rows.timestamp(changed.occurredAt()), changed.onHand())
                .update();
    }
}
