package io.throughline.demo.internal;

import io.throughline.platform.ConflictException;
import io.throughline.platform.NotFoundException;
import io.throughline.segments.Segments;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Tokaj Cellars segments: Aszú lovers near the Debrecen shop, customers who visit often but rarely buy,
 * app users who stopped opening the app, and birthdays this month. Each is evaluated over the brand's
 * customers as soon as it is saved, and kept live from then on.
 */
@Component
class DemoSegments {

    private static final Logger log = LoggerFactory.getLogger(DemoSegments.class);

    private final Segments segments;
    private final JsonMapper json;

    DemoSegments(Segments segments, JsonMapper json) {
        this.segments = segments;
        this.json = json;
    }

    void load() {
        int created = 0;
        for (Map.Entry<String, String> segment : definitions().entrySet()) {
            if (!exists(segment.getKey())) {
                try {
                    segments.create(json.readTree(segment.getValue()));
                    created++;
                } catch (ConflictException createdMeanwhile) {
                    // Another node loading the brand at the same moment created it first.
                }
            }
        }
        if (created > 0) {
            log.info("Demo brand: {} segments created", created);
        }
    }

    Map<String, String> definitions() {
        Map<String, String> definitions = new LinkedHashMap<>();
        definitions.put("aszu-lovers-near-debrecen", """
                {"key": "aszu-lovers-near-debrecen", "name": "Aszú lovers near Debrecen",
                 "description": "Looked at Aszú wines at least twice in 90 days and live within 30 km of the Debrecen shop",
                 "condition": {"type": "all", "conditions": [
                   {"type": "events", "event": "Product Viewed",
                    "where": [{"property": "name", "op": "contains", "value": "Aszú"}],
                    "within": "90d", "count": {"op": "gte", "value": 2}},
                   {"type": "any", "conditions": [
                     {"type": "near_shop", "shop": "shop-debrecen", "km": 30},
                     {"type": "place", "field": "city", "values": ["Debrecen"]}]}]}}""");
        definitions.put("loyal-but-rarely-buying", """
                {"key": "loyal-but-rarely-buying", "name": "Loyal but rarely buying",
                 "description": "Hungarian customers with five or more product views in 90 days, at most one order in 180 days",
                 "condition": {"type": "all", "conditions": [
                   {"type": "place", "field": "country", "values": ["HU"]},
                   {"type": "events", "event": "Product Viewed", "within": "90d", "count": {"op": "gte", "value": 5}},
                   {"type": "events", "event": "Order Completed", "within": "180d", "count": {"op": "lte", "value": 1}}]}}""");
        definitions.put("lapsed-app-users", """
                {"key": "lapsed-app-users", "name": "Lapsed app users",
                 "description": "Hungarian customers who used the app in the last year, but not in the last 60 days",
                 "condition": {"type": "all", "conditions": [
                   {"type": "place", "field": "country", "values": ["HU"]},
                   {"type": "channel_used", "channel": "app", "within": "366d"},
                   {"type": "not", "condition": {"type": "channel_used", "channel": "app", "within": "60d"}}]}}""");
        definitions.put("birthday-this-month", """
                {"key": "birthday-this-month", "name": "Birthday this month",
                 "description": "Her birthday is this month and she takes marketing emails",
                 "condition": {"type": "all", "conditions": [
                   {"type": "birthday_this_month"},
                   {"type": "consent", "purpose": "marketing", "channel": "email"}]}}""");
        return definitions;
    }

    /**
     * A demo customer's birthday and address, the same for her every time: what the segments about age, birthdays
     * and places read from her identify calls.
     */
    static Map<String, Object> demographics(java.util.UUID profileId) {
        java.util.Random random = new java.util.Random(profileId.getLeastSignificantBits());
        Object[][] places = {
                {"Budapest", "1051", 47.4979, 19.0402}, {"Debrecen", "4025", 47.5316, 21.6273},
                {"Hajdúszoboszló", "4200", 47.4435, 21.3966}, {"Tokaj", "3910", 48.1186, 21.4093},
                {"Nyíregyháza", "4400", 47.9554, 21.7167}, {"Miskolc", "3525", 48.1035, 20.7784}};
        Object[] place = places[random.nextInt(places.length)];
        java.time.LocalDate birthday = java.time.LocalDate.of(1950, 1, 1).plusDays(random.nextInt(53 * 365));
        return Map.of("birthday", birthday.toString(), "address", Map.of("city", place[0], "postal_code", place[1],
                "country", "HU", "latitude", place[2], "longitude", place[3]));
    }

    private boolean exists(String key) {
        try {
            segments.get(key);
            return true;
        } catch (NotFoundException missing) {
            return false;
        }
    }
}
