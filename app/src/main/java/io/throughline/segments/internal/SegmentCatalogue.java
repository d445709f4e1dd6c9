package io.throughline.segments.internal;

import io.throughline.inventory.StockLocations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The saved segments, parsed, in an order where a segment comes after every segment it refers to, and what
 * the live path needs to know: which events can change any membership at all. Reloaded when a segment was
 * saved since the last look, on this node or another.
 */
@Component
class SegmentCatalogue {

    private static final Logger log = LoggerFactory.getLogger(SegmentCatalogue.class);

    /** A segment ready to evaluate. */
    record Live(UUID id, String key, String name, int version, Definition definition) {}

    /** The segments in evaluation order, and the event names they read (null: any event on a channel). */
    record Loaded(List<Live> ordered, Set<@Nullable String> eventNames) {

        boolean changedBy(String eventName) {
            return eventNames.contains(eventName) || eventNames.contains(null);
        }

        Optional<Live> byKey(String key) {
            return ordered.stream().filter(live -> live.key().equals(key)).findFirst();
        }
    }

    private final SegmentStore store;
    private final StockLocations shops;
    private final SegmentJson json;
    private volatile Loaded loaded = new Loaded(List.of(), Set.of());
    private volatile String mark = "";

    SegmentCatalogue(SegmentStore store, StockLocations shops, SegmentJson json) {
        this.store = store;
        this.shops = shops;
        this.json = json;
    }

    /** A parser for saving: shops must exist, and referenced segments must exist without making a cycle. */
    DefinitionParser parser() {
        Map<String, Set<String>> references = new HashMap<>();
        for (SegmentStore.Saved saved : store.all()) {
            references.put(saved.key(), referencesOf(saved));
        }
        return new DefinitionParser(this::shop, key -> Optional.ofNullable(references.get(key)));
    }

    Loaded current() {
        String now = store.changeMark();
        if (!now.equals(mark)) {
            loaded = load();
            mark = now;
        }
        return loaded;
    }

    private Loaded load() {
        Map<String, Live> byKey = new LinkedHashMap<>();
        DefinitionParser parser = new DefinitionParser(this::shop, key -> Optional.of(Set.of()));
        for (SegmentStore.Saved saved : store.all()) {
            try {
                byKey.put(saved.key(), new Live(saved.id(), saved.key(), saved.name(), saved.version(),
                        parser.parse(json.read(saved.definition()))));
            } catch (RuntimeException unusable) {
                // A shop it names was removed: the segment keeps its members until it is saved again.
                log.warn("Segment {} cannot be evaluated: {}", saved.key(), unusable.getMessage());
            }
        }
        List<Live> ordered = new ArrayList<>();
        Set<String> placed = new java.util.HashSet<>();
        while (ordered.size() < byKey.size()) {
            int before = ordered.size();
            for (Live live : byKey.values()) {
                if (!placed.contains(live.key()) && placed.containsAll(live.definition().references().stream()
                        .filter(byKey::containsKey).toList())) {
                    ordered.add(live);
                    placed.add(live.key());
                }
            }
            if (ordered.size() == before) {
                break;
            }
        }
        Set<@Nullable String> names = new java.util.HashSet<>();
        ordered.forEach(live -> names.addAll(live.definition().eventNames()));
        return new Loaded(List.copyOf(ordered), names);
    }

    private Set<String> referencesOf(SegmentStore.Saved saved) {
        try {
            return new DefinitionParser(code -> Optional.of(new DefinitionParser.Coordinates(0, 0)),
                    key -> Optional.of(Set.of())).parse(json.read(saved.definition())).references();
        } catch (RuntimeException unusable) {
            return Set.of();
        }
    }

    private Optional<DefinitionParser.Coordinates> shop(String code) {
        return shops.findByCode(code).map(shop -> new DefinitionParser.Coordinates(shop.latitude(), shop.longitude()));
    }
}
