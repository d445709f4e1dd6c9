package io.throughline.orders.internal;

import io.throughline.platform.ConflictException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Ship-from-store allocation: for each SKU, take the units from the shop nearest to the customer that has
 * them, and when it has fewer than ordered, the rest from the next nearest, and so on. Nearest is by
 * great-circle distance when the delivery address has coordinates; without them, shops in the address's
 * postcode region (the postcode's first digit) come first, then the others, each group by location code so the
 * choice is repeatable.
 */
final class AllocationPolicy {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** A location that may ship, where it is and how many of each SKU it can give now. */
    record Site(UUID locationId, String code, double latitude, double longitude, String postalCode,
            Map<String, Integer> available) {}

    /** Where the goods go. */
    record Destination(@Nullable Double latitude, @Nullable Double longitude, String postalCode) {}

    /** Units of a SKU to take at a location. */
    record Allocation(UUID locationId, String code, String sku, int quantity) {}

    private AllocationPolicy() {}

    /**
     * The allocations covering every ordered SKU, nearest sites first; refused with a conflict naming the SKU
     * when all the sites together have too few.
     */
    static List<Allocation> allocate(Map<String, Integer> ordered, List<Site> sites, Destination destination) {
        List<Site> byNearness = new ArrayList<>(sites);
        byNearness.sort(nearestFirst(destination));
        List<Allocation> allocations = new ArrayList<>();
        for (Map.Entry<String, Integer> line : new LinkedHashMap<>(ordered).entrySet()) {
            int missing = line.getValue();
            for (Site site : byNearness) {
                int take = Math.min(missing, Math.max(0, site.available().getOrDefault(line.getKey(), 0)));
                if (take > 0) {
                    allocations.add(new Allocation(site.locationId(), site.code(), line.getKey(), take));
                    missing -= take;
                }
                if (missing == 0) {
                    break;
                }
            }
            if (missing > 0) {
                throw new ConflictException("lines", "Not enough " + line.getKey()
                        + " in the shops that ship: " + (line.getValue() - missing) + " of " + line.getValue());
            }
        }
        return allocations;
    }

    static Comparator<Site> nearestFirst(Destination destination) {
        if (destination.latitude() != null && destination.longitude() != null) {
            double latitude = destination.latitude();
            double longitude = destination.longitude();
            return Comparator.<Site>comparingDouble(site -> km(latitude, longitude, site.latitude(), site.longitude()))
                    .thenComparing(Site::code);
        }
        String region = region(destination.postalCode());
        return Comparator.<Site, Boolean>comparing(site -> !region(site.postalCode()).equals(region))
                .thenComparing(Site::code);
    }

    static String region(String postalCode) {
        String digits = postalCode.strip();
        return digits.isEmpty() ? "" : digits.substring(0, 1);
    }

    /** Great-circle distance (haversine). */
    static double km(double latitude1, double longitude1, double latitude2, double longitude2) {
        double dLat = Math.toRadians(latitude2 - latitude1);
        double dLon = Math.toRadians(longitude2 - longitude1);
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(latitude1))
                * Math.cos(Math.toRadians(latitude2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
