package io.throughline.demo.internal;

import io.throughline.catalog.Sku;
import io.throughline.inventory.Address;
import io.throughline.inventory.Availability;
import io.throughline.inventory.LocationKind;
import io.throughline.inventory.MovementKind;
import io.throughline.inventory.NewMovement;
import io.throughline.inventory.NewStockLocation;
import io.throughline.inventory.OpeningHours;
import io.throughline.inventory.StockLedger;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Tokaj Cellars stock: a warehouse in Tokaj and shops in Budapest, Debrecen and Tokaj, an opening stock of
 * every demo product, and which channels sell from where. Loaded once, in one transaction; a platform whose
 * brand was loaded before inventory existed gets its stock at the next start.
 */
@Service
class DemoStock {

    private static final Logger log = LoggerFactory.getLogger(DemoStock.class);

    static final String WAREHOUSE = "warehouse-tokaj";

    private static final List<OpeningHours> WAREHOUSE_HOURS = weekdays("07:00", "16:00");

    private final StockLocations locations;
    private final StockLedger ledger;
    private final Availability availability;

    DemoStock(StockLocations locations, StockLedger ledger, Availability availability) {
        this.locations = locations;
        this.ledger = ledger;
        this.availability = availability;
    }

    /** Whether it loaded anything: false when the demo warehouse is already there. */
    @Transactional
    boolean load() {
        if (locations.findByCode(WAREHOUSE).isPresent()) {
            return false;
        }
        StockLocation warehouse = locations.create(new NewStockLocation(WAREHOUSE, "Tokaj Cellars warehouse",
                LocationKind.WAREHOUSE, new Address("Bodrogkeresztúri út 12.", "Tokaj", "3910", "HU"),
                48.1236, 21.3961, WAREHOUSE_HOURS, false, false));
        StockLocation budapest = locations.create(new NewStockLocation("shop-budapest", "Tokaj Cellars Budapest",
                LocationKind.SHOP, new Address("Király utca 26.", "Budapest", "1061", "HU"), 47.5003, 19.0590,
                shopHours("10:00", "20:00", "10:00", "18:00"), true, true));
        StockLocation debrecen = locations.create(new NewStockLocation("shop-debrecen", "Tokaj Cellars Debrecen",
                LocationKind.SHOP, new Address("Piac utca 20.", "Debrecen", "4025", "HU"), 47.5310, 21.6256,
                shopHours("09:00", "18:00", "09:00", "13:00"), true, false));
        StockLocation tokaj = locations.create(new NewStockLocation("shop-tokaj", "Tokaj Cellars pince és bolt",
                LocationKind.SHOP, new Address("Rákóczi út 40.", "Tokaj", "3910", "HU"), 48.1176, 21.4097,
                shopHours("10:00", "18:00", "10:00", "16:00"), true, true));

        List<NewMovement> receipts = new ArrayList<>();
        for (DemoProducts.DemoProduct product : DemoProducts.all()) {
            Sku sku = Sku.of(product.sku());
            long spread = spread(product.sku());
            boolean accessory = product.sku().startsWith("ACC-");
            receipts.add(receipt(sku, warehouse.id(), (int) (accessory ? 60 + spread % 140 : 24 + spread % 96)));
            // Shops keep a shelf of each wine; one in seven is out in each shop, so "where can I pick it up" varies.
            int shopIndex = 0;
            for (StockLocation shop : List.of(budapest, debrecen, tokaj)) {
                long shelf = (spread >>> (8 * ++shopIndex)) % 19;
                if ((spread >>> (4 * shopIndex)) % 7 != 0 && shelf > 0) {
                    receipts.add(receipt(sku, shop.id(), (int) shelf));
                }
            }
        }
        ledger.recordAll(receipts);

        // Web, app and contact centre sell from the warehouse and the shops that ship; each till from its shop.
        for (String remote : List.of("web", "app", "contact-centre")) {
            availability.allow(remote, warehouse.id(), 2);
            availability.allow(remote, budapest.id(), 1);
            availability.allow(remote, tokaj.id(), 1);
        }
        for (Map.Entry<String, UUID> till : Map.of("shop-budapest", budapest.id(), "shop-debrecen", debrecen.id(),
                "shop-tokaj", tokaj.id()).entrySet()) {
            availability.allow(till.getKey(), till.getValue(), 0);
        }
        log.info("Demo stock loaded: 4 locations, {} receipts", receipts.size());
        return true;
    }

    private static NewMovement receipt(Sku sku, UUID location, int quantity) {
        return new NewMovement(sku, location, MovementKind.RECEIPT, quantity, "opening stock", null);
    }

    /** A stable pseudo-random number per SKU, so every demo platform has the same stock. */
    private static long spread(String sku) {
        var crc = new CRC32();
        crc.update(sku.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue() * 0x9E3779B97F4A7C15L >>> 1;
    }

    private static List<OpeningHours> weekdays(String opens, String closes) {
        return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY).stream()
                .map(day -> new OpeningHours(day, opens, closes)).toList();
    }

    private static List<OpeningHours> shopHours(String opens, String closes, String saturdayOpens,
            String saturdayCloses) {
        List<OpeningHours> hours = new ArrayList<>(weekdays(opens, closes));
        hours.add(new OpeningHours(DayOfWeek.SATURDAY, saturdayOpens, saturdayCloses));
        return hours;
    }
}
