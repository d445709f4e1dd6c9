package io.throughline.imports.internal;

import io.throughline.catalog.Catalogue;
import io.throughline.catalog.CatalogueItem;
import io.throughline.catalog.ChannelAssortment;
import io.throughline.catalog.NewProduct;
import io.throughline.catalog.NewVariant;
import io.throughline.catalog.Product;
import io.throughline.catalog.Products;
import io.throughline.catalog.Sku;
import io.throughline.events.Identifier;
import io.throughline.events.IdentityResolution;
import io.throughline.imports.ImportLineError;
import io.throughline.imports.OrderImportMapping;
import io.throughline.orders.HistoricalOrder;
import io.throughline.orders.HistoricalOrders;
import io.throughline.orders.HistoricalReturn;
import io.throughline.platform.Channel;
import io.throughline.tracking.Channels;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a batch of documents in one transaction, through the modules that own what they become: customers
 * resolved by the identity graph as live events are, unknown products created in the catalogue (or reported),
 * orders and returns recorded by the orders module with their customer events, the numbers noted as imported, and
 * the import's progress — so that after a crash the batch is either all in or not at all.
 */
@Component
class BatchWriter {

    /** What a committed batch did, and what the run may learn from it. */
    record Written(int orders, int returns, int skipped, int productsCreated,
            Map<String, ImportRun.ProductRef> products, Map<String, Channel> channels) {}

    private final ImportStore store;
    private final IdentityResolution identities;
    private final Catalogue catalogue;
    private final Products products;
    private final HistoricalOrders history;
    private final Channels channels;
    private final Clock clock;

    BatchWriter(ImportStore store, IdentityResolution identities, Catalogue catalogue, Products products,
            HistoricalOrders history, Channels channels, Clock clock) {
        this.store = store;
        this.identities = identities;
        this.catalogue = catalogue;
        this.products = products;
        this.history = history;
        this.channels = channels;
        this.clock = clock;
    }

    /**
     * @param errors     the lines refused so far that this batch settles (those up to {@code linesRead})
     * @param linesRead  the line up to which the file is settled once this commits
     */
    @Transactional
    Written write(ImportRun run, List<Document> documents, List<ImportLineError> errors, long linesRead,
            long bytesRead) {
        List<ImportLineError> reported = new ArrayList<>(errors);
        Map<String, UUID> before = store.imported(documents.stream().map(Document::number).toList());
        Set<String> seen = new HashSet<>();
        List<Document> fresh = new ArrayList<>();
        int skipped = 0;
        for (Document document : documents) {
            UUID earlier = before.get(document.number());
            if (!seen.add(document.number()) || run.id.equals(earlier)) {
                report(reported, document.lines(), "orderNumber", "belongs to an order whose lines came earlier in "
                        + "the file, apart from these: an order's lines must be together");
            } else if (earlier != null) {
                skipped++;
            } else {
                fresh.add(document);
            }
        }
        Map<String, @Nullable UUID> profiles = profiles(run, fresh);
        Map<String, ImportRun.ProductRef> learnt = new HashMap<>();
        Map<String, Channel> channelsLearnt = new HashMap<>();
        int created = products(run, fresh, learnt, reported);
        List<String> numbers = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<@Nullable UUID> orderIds = new ArrayList<>();
        int orders = 0;
        int returns = 0;
        for (Document document : fresh) {
            ImportedLine head = document.head();
            UUID profileId = null;
            if (head.customer() != null) {
                if (!profiles.containsKey(head.customer()) || profiles.get(head.customer()) == null) {
                    report(reported, document.lines(), "customer",
                            "names a customer who asked to be erased: the order is not imported");
                    continue;
                }
                profileId = profiles.get(head.customer());
            }
            Optional<Channel> channel = channel(run, head, channelsLearnt);
            if (channel.isEmpty()) {
                report(reported, document.lines(), "channel", "names no channel of the brand's sources");
                continue;
            }
            if (document.returned()) {
                List<HistoricalReturn.Line> lines = document.lines().stream()
                        .map(line -> new HistoricalReturn.Line(line.sku(), line.description(), line.quantity()))
                        .toList();
                List<Integer> taken = history.recordReturn(new HistoricalReturn(document.number(), head.at(),
                        channel.get(), profileId, null, lines));
                for (int i = 0; i < taken.size(); i++) {
                    ImportedLine line = document.lines().get(i);
                    if (taken.get(i) < line.quantity()) {
                        reported.add(new ImportLineError(line.line(), "quantity", profileId == null
                                ? "cancels a guest's order: without a customer there is no order to take it back from"
                                : (line.quantity() - taken.get(i)) + " of " + line.quantity() + " units cancel or "
                                        + "return what no earlier imported order of this customer sold"));
                    }
                }
                // Noted even when nothing could be taken back, so that a repeat of the file reports it no more.
                numbers.add(document.number());
                kinds.add("RETURN");
                orderIds.add(null);
                if (taken.stream().anyMatch(units -> units > 0)) {
                    returns++;
                }
                continue;
            }
            List<HistoricalOrder.Line> lines = new ArrayList<>();
            for (ImportedLine line : document.lines()) {
                ImportRun.ProductRef product = line.charge() ? null : known(run, learnt, line.sku());
                if (!line.charge() && product == null) {
                    continue;
                }
                lines.add(new HistoricalOrder.Line(line.charge() ? line.sku().toUpperCase(java.util.Locale.ROOT)
                        : new Sku(line.sku()).value(), product == null ? null : product.productId(),
                        line.description().isEmpty() ? (product == null ? line.sku() : product.name())
                                : line.description(), line.quantity(), line.unitPrice()));
            }
            if (lines.isEmpty()) {
                continue;
            }
            HistoricalOrders.Recorded recorded = history.record(new HistoricalOrder(document.number(), head.at(),
                    channel.get(), profileId, profileId == null ? "legacy-order-" + document.number() : null,
                    head.unitPrice().currency(), run.mapping.deliveryOrDefault(), lines, head.country()));
            if (recorded.created()) {
                orders++;
                numbers.add(document.number());
                kinds.add("ORDER");
                orderIds.add(recorded.orderId());
            } else {
                skipped++;
            }
        }
        Instant now = clock.instant();
        store.documents(run.id, numbers, kinds, orderIds, now);
        store.advance(run.id, new ImportStore.Progress(bytesRead, linesRead, orders, returns, skipped, created,
                reported));
        return new Written(orders, returns, skipped, created, learnt, channelsLearnt);
    }

    private Map<String, @Nullable UUID> profiles(ImportRun run, List<Document> documents) {
        Set<String> customers = new LinkedHashSet<>();
        for (Document document : documents) {
            if (document.head().customer() != null) {
                customers.add(document.head().customer());
            }
        }
        Map<String, @Nullable UUID> profiles = new HashMap<>();
        if (customers.isEmpty()) {
            return profiles;
        }
        List<String> ordered = new ArrayList<>(customers);
        List<List<Identifier>> asked = ordered.stream()
                .map(value -> List.of(new Identifier(run.mapping.customerType(), value))).toList();
        IdentityResolution.Resolved resolved = identities.resolve(asked, clock.instant());
        for (int i = 0; i < ordered.size(); i++) {
            profiles.put(ordered.get(i), resolved.profiles().get(i));
        }
        return profiles;
    }

    /** Looks up the batch's unknown SKUs, and creates or reports those the catalogue lacks; returns how many made. */
    private int products(ImportRun run, List<Document> documents, Map<String, ImportRun.ProductRef> learnt,
            List<ImportLineError> reported) {
        Map<Sku, ImportedLine> unknown = new LinkedHashMap<>();
        for (Document document : documents) {
            if (document.returned()) {
                continue;
            }
            for (ImportedLine line : document.lines()) {
                if (!line.charge() && !run.products.containsKey(new Sku(line.sku()).value())) {
                    unknown.putIfAbsent(new Sku(line.sku()), line);
                }
            }
        }
        if (unknown.isEmpty()) {
            return 0;
        }
        Map<Sku, CatalogueItem> found = catalogue.items(unknown.keySet());
        found.forEach((sku, item) -> learnt.put(sku.value(), new ImportRun.ProductRef(item.productId(),
                item.name())));
        int created = 0;
        boolean create = run.mapping.unknownProductsOrDefault() == OrderImportMapping.UnknownProducts.CREATE;
        for (Map.Entry<Sku, ImportedLine> entry : unknown.entrySet()) {
            if (found.containsKey(entry.getKey())) {
                continue;
            }
            String description = descriptionFor(documents, entry.getKey());
            if (!create || description == null) {
                continue;
            }
            Channel channel = channel(run, entry.getValue(), new HashMap<>()).orElse(null);
            List<ChannelAssortment> assortment = channel == null ? List.of()
                    : List.of(new ChannelAssortment(channel.key(), entry.getValue().at(), null));
            Product product = products.create(new NewProduct(clip(description), null,
                    List.of(new NewVariant(entry.getKey().value(), null, null, null)), null, null, null, assortment));
            learnt.put(entry.getKey().value(), new ImportRun.ProductRef(product.id(), product.name()));
            created++;
        }
        for (Document document : documents) {
            if (document.returned()) {
                continue;
            }
            for (ImportedLine line : document.lines()) {
                if (!line.charge() && known(run, learnt, line.sku()) == null) {
                    reported.add(new ImportLineError(line.line(), "sku", create
                            ? "is not in the catalogue and the line has no description to create it from"
                            : "is not in the catalogue: set mapping.unknownProducts to CREATE to create it"));
                }
            }
        }
        return created;
    }

    private static @Nullable String descriptionFor(List<Document> documents, Sku sku) {
        for (Document document : documents) {
            for (ImportedLine line : document.lines()) {
                if (!line.charge() && !line.description().isBlank() && new Sku(line.sku()).equals(sku)) {
                    return line.description();
                }
            }
        }
        return null;
    }

    private static String clip(String name) {
        return name.length() <= 300 ? name : name.substring(0, 300);
    }

    private static ImportRun.@Nullable ProductRef known(ImportRun run, Map<String, ImportRun.ProductRef> learnt,
            String sku) {
        String key = new Sku(sku).value();
        ImportRun.ProductRef ref = run.products.get(key);
        return ref != null ? ref : learnt.get(key);
    }

    private Optional<Channel> channel(ImportRun run, ImportedLine line, Map<String, Channel> learnt) {
        String key = line.channelKey() != null ? line.channelKey() : run.mapping.channel();
        if (key == null) {
            return Optional.empty();
        }
        Channel channel = run.channels.get(key);
        if (channel == null) {
            channel = learnt.get(key);
        }
        if (channel == null) {
            Optional<Channel> found = channels.find(key);
            found.ifPresent(value -> learnt.put(key, value));
            return found;
        }
        return Optional.of(channel);
    }

    private static void report(List<ImportLineError> reported, List<ImportedLine> lines, String field, String reason) {
        for (ImportedLine line : lines) {
            reported.add(new ImportLineError(line.line(), field, reason));
        }
    }
}
