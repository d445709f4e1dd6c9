package io.throughline.recommendations.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the model knows at one build: the products (by index), their neighbours bought together, viewed together
 * and bought by the same customers, how often each is bought again, the popular and trending lists per channel
 * and region, and each customer's history. Immutable: a rebuild makes a new one, and answers keep using the old
 * until it is swapped in.
 */
final class ItemModel {

    /** A customer's history, oldest first, in parallel arrays. */
    record History(int[] items, InteractionKind[] kinds, long[] atMillis, String[] channels,
            @Nullable String region) {

        int size() {
            return items.length;
        }
    }

    static final String GLOBAL = "";

    final String[] skus;
    final String[] names;
    final Map<String, Integer> index;
    final Neighbours boughtTogether;
    final Neighbours viewedTogether;
    final Neighbours similar;
    final float[] repeatRate;
    /** Best sellers, by key: {@link #GLOBAL}, {@code c:<channel>}, {@code r:<region>}, {@code cr:<channel>|<region>}. */
    final Map<String, int[]> popular;
    /** Trending, by key: {@link #GLOBAL} and {@code c:<channel>}. */
    final Map<String, int[]> trending;
    final Map<UUID, History> histories;
    final long interactions;
    final long lastSeq;
    final @Nullable Instant builtAt;
    final @Nullable Instant trainedUntil;
    final long buildMillis;
    /** Each product's id in the catalogue and its name there, as at the build; null where the catalogue has none. */
    final @Nullable UUID[] productIds;
    final @Nullable String[] catalogueNames;

    ItemModel(String[] skus, String[] names, Map<String, Integer> index, Neighbours boughtTogether,
            Neighbours viewedTogether, Neighbours similar, float[] repeatRate, Map<String, int[]> popular,
            Map<String, int[]> trending, Map<UUID, History> histories, long interactions, long lastSeq,
            @Nullable Instant builtAt, @Nullable Instant trainedUntil, long buildMillis) {
        this.skus = skus;
        this.names = names;
        this.index = index;
        this.boughtTogether = boughtTogether;
        this.viewedTogether = viewedTogether;
        this.similar = similar;
        this.repeatRate = repeatRate;
        this.popular = popular;
        this.trending = trending;
        this.histories = histories;
        this.interactions = interactions;
        this.lastSeq = lastSeq;
        this.builtAt = builtAt;
        this.trainedUntil = trainedUntil;
        this.buildMillis = buildMillis;
        this.productIds = new UUID[skus.length];
        this.catalogueNames = new String[skus.length];
    }

    private ItemModel(ItemModel model, @Nullable UUID[] productIds, @Nullable String[] catalogueNames) {
        this(model.skus, model.names, model.index, model.boughtTogether, model.viewedTogether, model.similar,
                model.repeatRate, model.popular, model.trending, model.histories, model.interactions, model.lastSeq,
                model.builtAt, model.trainedUntil, model.buildMillis);
        System.arraycopy(productIds, 0, this.productIds, 0, Math.min(productIds.length, this.productIds.length));
        System.arraycopy(catalogueNames, 0, this.catalogueNames, 0,
                Math.min(catalogueNames.length, this.catalogueNames.length));
    }

    /** The same model, knowing the catalogue's ids and names of its products, so that answers need not ask. */
    ItemModel withCatalogue(@Nullable UUID[] productIds, @Nullable String[] catalogueNames) {
        return new ItemModel(this, productIds, catalogueNames);
    }

    static ItemModel empty() {
        return new ItemModel(new String[0], new String[0], Map.of(), Neighbours.NONE, Neighbours.NONE,
                Neighbours.NONE, new float[0], Map.of(), Map.of(), Map.of(), 0, 0, null, null, 0);
    }

    /** The catalogue's name of the product as at the build, else the name the events gave it. */
    String nameOf(int item) {
        String known = catalogueNames[item];
        return known != null ? known : names[item];
    }

    @Nullable Integer item(String sku) {
        return index.get(sku);
    }

    int size() {
        return skus.length;
    }

    static String channelKey(String channel) {
        return "c:" + channel;
    }

    static String regionKey(String region) {
        return "r:" + region;
    }

    static String channelRegionKey(String channel, String region) {
        return "cr:" + channel + "|" + region;
    }
}
