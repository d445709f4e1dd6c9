package io.throughline.segments.internal;

/** Distances on the Earth's surface, by the haversine formula the SQL evaluator spells the same way. */
final class Geo {

    static final double EARTH_RADIUS_KM = 6371.0;

    private Geo() {}

    static double km(double latitude1, double longitude1, double latitude2, double longitude2) {
        double dLatitude = Math.toRadians(latitude2 - latitude1);
        double dLongitude = Math.toRadians(longitude2 - longitude1);
        double a = Math.pow(Math.sin(dLatitude / 2), 2) + Math.cos(Math.toRadians(latitude1))
                * Math.cos(Math.toRadians(latitude2)) * Math.pow(Math.sin(dLongitude / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1.0, a)));
    }
}
