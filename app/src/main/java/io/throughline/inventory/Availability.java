package io.throughline.inventory;

import io.throughline.catalog.Sku;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Availability per channel: the sum over the channel's eligible locations of
 * {@code max(0, onHand − reserved − safetyStock)}, where reserved counts allocations and unexpired holds.
 */
public interface Availability {

    ChannelAvailability of(Sku sku, String channel);

    /**
     * Shops that offer pickup and have at least {@code quantity} units unreserved (less the channel's safety
     * stock when a channel is given, and only the channel's locations), nearest first.
     */
    List<PickupOption> pickupNear(Sku sku, double latitude, double longitude, int quantity, @Nullable String channel);

    /** Makes the location's stock sellable on the channel, keeping back the safety stock; replaces an earlier rule. */
    ChannelLocation allow(String channel, UUID locationId, int safetyStock);

    /** The channel no longer sells from the location. */
    void disallow(String channel, UUID locationId);

    List<ChannelLocation> locationsOf(String channel);

    /** The channel keys that sell from at least one location, in order. */
    List<String> channels();
}
