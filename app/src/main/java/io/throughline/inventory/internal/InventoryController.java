package io.throughline.inventory.internal;

import io.throughline.platform.StaffPermission;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.catalog.Sku;
import io.throughline.inventory.Availability;
import io.throughline.inventory.ChannelAvailability;
import io.throughline.inventory.ChannelLocation;
import io.throughline.inventory.CountedStock;
import io.throughline.inventory.MovementKind;
import io.throughline.inventory.NewMovement;
import io.throughline.inventory.NewStockLocation;
import io.throughline.inventory.NewTransfer;
import io.throughline.inventory.PickupOption;
import io.throughline.inventory.Reservation;
import io.throughline.inventory.Reservations;
import io.throughline.inventory.StockLedger;
import io.throughline.inventory.StockLevel;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.inventory.StockMovement;
import io.throughline.inventory.StockTransfer;
import io.throughline.inventory.StockTransfers;
import io.throughline.inventory.TransferLine;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Stock locations, movements, counts, reservations and availability. Reads are open to every member of staff
 * and to channel back-ends calling with an API token of any role; changing locations and channel rules is for
 * administrators, recording stock for administrators and store associates, and reserving also for agents.
 */
@RestController
@RequestMapping("/api/inventory")
@Tag(name = "Inventory", description = "Stock locations, the movement ledger, reservations and availability per channel")
class InventoryController {

    static final String ADMINS = "hasRole('ADMIN')";
    static final String STOCK_KEEPERS = StaffPermission.Rules.KEEP_STOCK;
    static final String RESERVERS = "hasAnyRole('ADMIN', 'STORE_ASSOCIATE', 'AGENT')";
    static final String READERS = StaffPermission.Rules.READ_STOCK;
    private static final int MAX_STREAMED_SKUS = 100;

    record MovementRequest(@NotNull String sku, @NotNull UUID locationId, @NotNull MovementKind kind,
            @NotNull Integer quantity, @Nullable @Size(max = 200) String reference,
            @Nullable @Size(max = 500) String note) {}

    record TransferRequest(@NotNull String sku, @NotNull UUID fromLocationId, @NotNull UUID toLocationId,
            @NotNull Integer quantity, @Nullable @Size(max = 200) String reference) {}

    record CountRequest(@NotNull String sku, @NotNull UUID locationId, @NotNull Integer counted,
            @Nullable @Size(max = 200) String reference) {}

    record CountLineRequest(@NotNull String sku, @NotNull Integer counted) {}

    record ShelfCountRequest(@NotEmpty @Size(max = 500) List<@Valid @NotNull CountLineRequest> lines,
            @Nullable @Size(max = 200) String reference) {}

    record TransferLineRequest(@NotNull String sku, @NotNull Integer quantity) {}

    record DispatchRequest(@NotNull UUID fromLocationId, @NotNull UUID toLocationId,
            @NotEmpty @Size(max = 500) List<@Valid @NotNull TransferLineRequest> lines,
            @Nullable @Size(max = 200) String reference) {}

    record ReservationRequest(@NotNull String sku, @NotNull UUID locationId, @NotNull Integer quantity,
            @NotNull String reference, @NotNull @Min(1) @Max(604_800) Long ttlSeconds) {}

    record ExtendRequest(@NotNull @Min(1) @Max(604_800) Long ttlSeconds) {}

    record ChannelLocationRequest(@NotNull @Min(0) @Max(1_000_000) Integer safetyStock) {}

    private final StockLocations locations;
    private final StockLedger ledger;
    private final Reservations reservations;
    private final Availability availability;
    private final StockCounts counts;
    private final AvailabilityStream stream;
    private final StockTransfers transfers;

    InventoryController(StockLocations locations, StockLedger ledger, Reservations reservations,
            Availability availability, StockCounts counts, AvailabilityStream stream, StockTransfers transfers) {
        this.transfers = transfers;
        this.locations = locations;
        this.ledger = ledger;
        this.reservations = reservations;
        this.availability = availability;
        this.counts = counts;
        this.stream = stream;
    }

    @GetMapping("/locations")
    @PreAuthorize(READERS)
    Page<StockLocation> locations(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return locations.list(new PageRequest(page, size));
    }

    @PostMapping("/locations")
    @PreAuthorize(ADMINS)
    ResponseEntity<StockLocation> createLocation(@Valid @RequestBody NewStockLocation location) {
        StockLocation created = locations.create(location);
        return ResponseEntity.created(URI.create("/api/inventory/locations/" + created.id())).body(created);
    }

    @GetMapping("/locations/{id}")
    @PreAuthorize(READERS)
    StockLocation location(@PathVariable UUID id) {
        return locations.get(id);
    }

    @PutMapping("/locations/{id}")
    @PreAuthorize(ADMINS)
    StockLocation updateLocation(@PathVariable UUID id, @Valid @RequestBody NewStockLocation location) {
        return locations.update(id, location);
    }

    @GetMapping("/locations/{id}/stock/{sku}")
    @PreAuthorize(READERS)
    StockLevel level(@PathVariable UUID id, @PathVariable String sku) {
        return ledger.level(Sku.of(sku), id);
    }

    @GetMapping("/locations/{id}/stock/{sku}/movements")
    @PreAuthorize(READERS)
    Page<StockMovement> movements(@PathVariable UUID id, @PathVariable String sku,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        Sku parsed = Sku.of(sku);
        locations.get(id);
        return ledger.movements(parsed, id, new PageRequest(page, size));
    }

    @GetMapping("/stock")
    @PreAuthorize(READERS)
    List<StockLevel> levels(@RequestParam String sku) {
        return ledger.levels(Sku.of(sku));
    }

    @PostMapping("/movements")
    @PreAuthorize(STOCK_KEEPERS)
    @ResponseStatus(HttpStatus.CREATED)
    StockMovement record(@Valid @RequestBody MovementRequest request) {
        return ledger.record(new NewMovement(Sku.of(request.sku()), request.locationId(), request.kind(),
                request.quantity(), request.reference(), request.note()));
    }

    @PostMapping("/transfers")
    @PreAuthorize(STOCK_KEEPERS)
    @ResponseStatus(HttpStatus.CREATED)
    List<StockMovement> transfer(@Valid @RequestBody TransferRequest request) {
        return ledger.transfer(Sku.of(request.sku()), request.fromLocationId(), request.toLocationId(),
                request.quantity(), request.reference());
    }

    @PostMapping("/counts")
    @PreAuthorize(STOCK_KEEPERS)
    @ResponseStatus(HttpStatus.CREATED)
    StockMovement count(@Valid @RequestBody CountRequest request) {
        return ledger.count(Sku.of(request.sku()), request.locationId(), request.counted(), request.reference());
    }

    /** A count of a shelf at one location: every line applied in one transaction, or none. */
    @PostMapping("/locations/{id}/counts")
    @PreAuthorize(STOCK_KEEPERS)
    @ResponseStatus(HttpStatus.CREATED)
    List<StockMovement> countShelf(@PathVariable UUID id, @Valid @RequestBody ShelfCountRequest request) {
        List<CountedStock> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            CountLineRequest line = request.lines().get(i);
            lines.add(new CountedStock(sku(i, line.sku()), line.counted()));
        }
        return ledger.countAll(id, lines, request.reference());
    }

    /** Dispatches goods to another location: out of the sender's stock now, into the receiver's on receipt. */
    @PostMapping("/transfer-orders")
    @PreAuthorize(STOCK_KEEPERS)
    @ResponseStatus(HttpStatus.CREATED)
    StockTransfer dispatch(@Valid @RequestBody DispatchRequest request) {
        List<TransferLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            TransferLineRequest line = request.lines().get(i);
            lines.add(new TransferLine(sku(i, line.sku()), line.quantity()));
        }
        return transfers.dispatch(new NewTransfer(request.fromLocationId(), request.toLocationId(), lines,
                request.reference()));
    }

    @GetMapping("/transfer-orders/{id}")
    @PreAuthorize(READERS)
    StockTransfer transferOrder(@PathVariable UUID id) {
        return transfers.get(id);
    }

    @PostMapping("/transfer-orders/{id}/receipt")
    @PreAuthorize(STOCK_KEEPERS)
    StockTransfer receive(@PathVariable UUID id) {
        return transfers.receive(id);
    }

    @GetMapping("/locations/{id}/transfer-orders")
    @PreAuthorize(READERS)
    Page<StockTransfer> transferOrders(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return transfers.ofLocation(id, new PageRequest(page, size));
    }

    private static Sku sku(int line, String sku) {
        try {
            return Sku.of(sku);
        } catch (InvalidRequestException invalid) {
            throw new InvalidRequestException("lines[" + line + "].sku", invalid.reason());
        }
    }

    /** A CSV body {@code sku,location,counted}; answers 200 with the report even when some rows were refused. */
    @PostMapping(path = "/counts/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize(STOCK_KEEPERS)
    CountImportReport importCounts(@RequestBody byte[] csv) {
        // UTF-8 whatever the Content-Type says, and without the byte-order mark spreadsheets like to write.
        String text = new String(csv, StandardCharsets.UTF_8);
        return counts.importCsv(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
    }

    @PostMapping("/reservations")
    @PreAuthorize(RESERVERS)
    ResponseEntity<Reservation> reserve(@Valid @RequestBody ReservationRequest request) {
        Reservation reservation = reservations.reserve(Sku.of(request.sku()), request.locationId(), request.quantity(),
                request.reference(), Duration.ofSeconds(request.ttlSeconds()));
        return ResponseEntity.created(URI.create("/api/inventory/reservations/" + reservation.id())).body(reservation);
    }

    @GetMapping("/reservations")
    @PreAuthorize(READERS)
    List<Reservation> byReference(@RequestParam String reference) {
        return reservations.byReference(reference);
    }

    @GetMapping("/reservations/{id}")
    @PreAuthorize(READERS)
    Reservation reservation(@PathVariable UUID id) {
        return reservations.get(id);
    }

    @PostMapping("/reservations/{id}/extend")
    @PreAuthorize(RESERVERS)
    Reservation extend(@PathVariable UUID id, @Valid @RequestBody ExtendRequest request) {
        return reservations.extend(id, Duration.ofSeconds(request.ttlSeconds()));
    }

    @PostMapping("/reservations/{id}/release")
    @PreAuthorize(RESERVERS)
    Reservation release(@PathVariable UUID id) {
        return reservations.release(id);
    }

    @PostMapping("/reservations/{id}/confirm")
    @PreAuthorize(RESERVERS)
    Reservation confirm(@PathVariable UUID id) {
        return reservations.confirm(id);
    }

    @PostMapping("/reservations/{id}/fulfil")
    @PreAuthorize(STOCK_KEEPERS)
    Reservation fulfil(@PathVariable UUID id) {
        return reservations.fulfil(id);
    }

    @GetMapping("/channels/{channel}/locations")
    @PreAuthorize(READERS)
    List<ChannelLocation> channelLocations(@PathVariable String channel) {
        return availability.locationsOf(channel);
    }

    @PutMapping("/channels/{channel}/locations/{locationId}")
    @PreAuthorize(ADMINS)
    ChannelLocation allow(@PathVariable String channel, @PathVariable UUID locationId,
            @Valid @RequestBody ChannelLocationRequest request) {
        return availability.allow(channel, locationId, request.safetyStock());
    }

    @DeleteMapping("/channels/{channel}/locations/{locationId}")
    @PreAuthorize(ADMINS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disallow(@PathVariable String channel, @PathVariable UUID locationId) {
        availability.disallow(channel, locationId);
    }

    @GetMapping("/availability")
    @PreAuthorize(READERS)
    ChannelAvailability availability(@RequestParam String channel, @RequestParam String sku) {
        return availability.of(Sku.of(sku), channel);
    }

    /**
     * Server-sent events named {@code availability}, one per watched SKU at once and then whenever it changes,
     * each a {@link ChannelAvailability} as JSON.
     */
    @GetMapping(path = "/availability/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize(READERS)
    SseEmitter stream(@RequestParam String channel, @RequestParam List<String> sku) {
        ChannelKeys.check(channel);
        if (sku.isEmpty() || sku.size() > MAX_STREAMED_SKUS) {
            throw new InvalidRequestException("sku", "must name 1 to " + MAX_STREAMED_SKUS + " SKUs");
        }
        return stream.subscribe(channel, sku.stream().map(Sku::of).distinct().toList());
    }

    @GetMapping("/pickup")
    @PreAuthorize(READERS)
    List<PickupOption> pickup(@RequestParam String sku, @RequestParam double lat, @RequestParam double lon,
            @RequestParam(defaultValue = "1") int quantity, @RequestParam(required = false) @Nullable String channel) {
        return availability.pickupNear(Sku.of(sku), lat, lon, quantity, channel);
    }
}
