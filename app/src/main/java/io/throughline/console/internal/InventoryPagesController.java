package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import io.throughline.catalog.Sku;
import io.throughline.inventory.Availability;
import io.throughline.inventory.ChannelAvailability;
import io.throughline.inventory.StockLedger;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.PageRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Stock for every member of staff: the locations, one location with a SKU's stock and movement history there,
 * and a SKU's availability on every channel. Stock changes on the count, goods-in and transfer pages.
 */
@Controller
@RequestMapping("/inventory")
@PreAuthorize(StaffPermission.Rules.READ_STOCK)
class InventoryPagesController {

    private static final int LOCATIONS_PER_PAGE = 50;
    private static final int MOVEMENTS_PER_PAGE = 20;

    private final StockLocations locations;
    private final StockLedger ledger;
    private final Availability availability;
    private final StockPlaces places;

    InventoryPagesController(StockLocations locations, StockLedger ledger, Availability availability,
            StockPlaces places) {
        this.places = places;
        this.locations = locations;
        this.ledger = ledger;
        this.availability = availability;
    }

    @org.springframework.web.bind.annotation.ModelAttribute("area")
    ConsoleArea area() {
        return ConsoleArea.INVENTORY;
    }

    @GetMapping
    String locations(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("results", locations.list(new PageRequest(page, LOCATIONS_PER_PAGE)));
        return "console/inventory/locations";
    }

    @GetMapping("/locations/{id}")
    String location(@PathVariable UUID id, @RequestParam(required = false) @Nullable String sku,
            @RequestParam(defaultValue = "0") int page, Model model) {
        StockLocation location = locations.get(id);
        model.addAttribute("location", location);
        model.addAttribute("sku", sku == null ? "" : sku);
        Sku parsed = parse(sku, model);
        if (parsed != null) {
            model.addAttribute("level", ledger.level(parsed, id));
            model.addAttribute("movements", ledger.movements(parsed, id, new PageRequest(page, MOVEMENTS_PER_PAGE)));
        }
        return "console/inventory/location";
    }

    @GetMapping("/availability")
    String availability(@RequestParam(required = false) @Nullable String sku, Model model) {
        model.addAttribute("sku", sku == null ? "" : sku);
        Sku parsed = parse(sku, model);
        if (parsed != null) {
            List<ChannelAvailability> channels = availability.channels().stream()
                    .map(channel -> availability.of(parsed, channel)).toList();
            model.addAttribute("channels", channels);
            model.addAttribute("levels", ledger.levels(parsed));
            model.addAttribute("locationNames", places.names());
        }
        return "console/inventory/availability";
    }

    /** A typed SKU, or null with the reason on the page when it is malformed or absent. */
    private static @Nullable Sku parse(@Nullable String sku, Model model) {
        if (sku == null || sku.isBlank()) {
            return null;
        }
        try {
            return Sku.of(sku.strip());
        } catch (InvalidRequestException invalid) {
            model.addAttribute("skuError", invalid.reason());
            return null;
        }
    }
}
