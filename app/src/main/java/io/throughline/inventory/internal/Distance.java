package io.throughline.inventory.internal;

/** Great-circle distance on a spherical Earth (haversine): good to well under 1 % for choosing a nearby shop. */
final class Distance {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private Distance() {}

    static double km(double latitude1, double longitude1, double latitude2, double longitude2) {
        double dLat = Math.toRadians(latitude2 - latitude1);
        double dLon = Math.toRadians(longitude2 - longitude1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude1)) * Math.cos(Math.toRadians(latitude2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
