package io.throughline.recommendations.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link ItemModel} from interactions: products bought together (cosine over orders), viewed together
 * (over a customer's day of browsing), bought by the same customers (cosine over customers, each product counting
 * once per customer, views and cart additions less than purchases), the share of buyers who buy a product (or
 * its category) again, best sellers per channel and region, and trending per channel.
 */
final class ModelBuilder {

    private static final int LIST = 200;
    private static final int MIN_BUYERS_FOR_REPEAT = 3;

    private final ModelSettings settings;

    ModelBuilder(ModelSettings settings) {
        this.settings = settings;
    }

    /**
     * @param interactions in log order, all before {@code until}
     * @param groupOf      a product's category for "bought again and again" (its SKU when it has none)
     */
    ItemModel build(List<Interaction> interactions, Instant until, Function<String, String> groupOf,
            @Nullable Instant trainedUntil) {
        long started = System.nanoTime();
        Map<String, Integer> index = new HashMap<>();
        List<String> skus = new ArrayList<>();
        List<String> names = new ArrayList<>();
        long lastSeq = 0;
        for (Interaction interaction : interactions) {
            Integer item = index.get(interaction.sku());
            if (item == null) {
                index.put(interaction.sku(), skus.size());
                skus.add(interaction.sku());
                names.add(interaction.name());
            } else if (!interaction.name().isBlank()) {
                names.set(item, interaction.name());
            }
            lastSeq = Math.max(lastSeq, interaction.seq());
        }
        int items = skus.size();
        Map<UUID, List<Interaction>> byProfile = new LinkedHashMap<>();
        Map<String, Set<Integer>> baskets = new LinkedHashMap<>();
        Map<String, Set<Integer>> browsing = new LinkedHashMap<>();
        for (Interaction interaction : interactions) {
            int item = index.get(interaction.sku());
            byProfile.computeIfAbsent(interaction.profileId(), id -> new ArrayList<>()).add(interaction);
            switch (interaction.kind()) {
                case PURCHASE -> baskets.computeIfAbsent(interaction.basket(), key -> new HashSet<>()).add(item);
                case VIEW, CART -> browsing.computeIfAbsent(interaction.profileId() + "@"
                        + interaction.at().atOffset(ZoneOffset.UTC).toLocalDate(), key -> new HashSet<>()).add(item);
                case RETURN -> { }
            }
        }
        Neighbours boughtTogether = cosine(items, baskets.values());
        Neighbours viewedTogether = cosine(items, browsing.values());
        List<int[]> customerRows = new ArrayList<>();
        List<float[]> customerValues = new ArrayList<>();
        Map<UUID, ItemModel.History> histories = new HashMap<>();
        int[] buyers = new int[items];
        Map<String, int[]> groupBuyers = new HashMap<>();
        for (Map.Entry<UUID, List<Interaction>> entry : byProfile.entrySet()) {
            List<Interaction> own = entry.getValue();
            Map<Integer, Float> taste = new HashMap<>();
            Map<Integer, Set<String>> ordersOf = new HashMap<>();
            Map<String, Integer> regions = new HashMap<>();
            int n = own.size();
            int[] historyItems = new int[n];
            InteractionKind[] kinds = new InteractionKind[n];
            long[] at = new long[n];
            String[] channels = new String[n];
            for (int x = 0; x < n; x++) {
                Interaction interaction = own.get(x);
                int item = index.get(interaction.sku());
                historyItems[x] = item;
                kinds[x] = interaction.kind();
                at[x] = interaction.at().toEpochMilli();
                channels[x] = interaction.channel().intern();
                if (interaction.kind() != InteractionKind.RETURN) {
                    taste.merge(item, interaction.kind().weight(), Float::sum);
                }
                if (interaction.kind() == InteractionKind.PURCHASE) {
                    ordersOf.computeIfAbsent(item, key -> new HashSet<>()).add(interaction.basket());
                }
                if (interaction.region() != null) {
                    regions.merge(interaction.region(), 1, Integer::sum);
                }
            }
            String region = regions.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(null);
            histories.put(entry.getKey(), new ItemModel.History(historyItems, kinds, at, channels, region));
            int[] row = new int[taste.size()];
            float[] values = new float[taste.size()];
            int x = 0;
            for (Map.Entry<Integer, Float> liked : taste.entrySet()) {
                row[x] = liked.getKey();
                values[x++] = Math.min(1f, liked.getValue());
            }
            customerRows.add(row);
            customerValues.add(values);
            Map<String, Integer> ordersPerGroup = new HashMap<>();
            for (Map.Entry<Integer, Set<String>> bought : ordersOf.entrySet()) {
                buyers[bought.getKey()]++;
                ordersPerGroup.merge(groupOf.apply(skus.get(bought.getKey())), bought.getValue().size(), Integer::sum);
            }
            ordersPerGroup.forEach((group, orders) -> {
                int[] counts = groupBuyers.computeIfAbsent(group, key -> new int[2]);
                counts[0]++;
                if (orders >= 2) {
                    counts[1]++;
                }
            });
        }
        Neighbours similar = Neighbours.cosine(items, customerRows, customerValues, settings.neighbours());
        float[] repeatRate = new float[items];
        for (int item = 0; item < items; item++) {
            int[] counts = groupBuyers.get(groupOf.apply(skus.get(item)));
            if (counts != null && counts[0] >= MIN_BUYERS_FOR_REPEAT) {
                repeatRate[item] = (float) counts[1] / counts[0];
            }
        }
        Map<String, int[]> popular = popular(items, interactions, index);
        Map<String, int[]> trending = trending(items, interactions, index, until);
        return new ItemModel(skus.toArray(String[]::new), names.toArray(String[]::new), Map.copyOf(index),
                boughtTogether, viewedTogether, similar, repeatRate, popular, trending, Map.copyOf(histories),
                interactions.size(), lastSeq, Instant.now(), trainedUntil, (System.nanoTime() - started) / 1_000_000);
    }

    private Neighbours cosine(int items, java.util.Collection<Set<Integer>> sets) {
        List<int[]> rows = new ArrayList<>(sets.size());
        List<float[]> values = new ArrayList<>(sets.size());
        for (Set<Integer> set : sets) {
            if (set.size() < 2) {
                continue;
            }
            int[] row = set.stream().mapToInt(Integer::intValue).toArray();
            float[] ones = new float[row.length];
            java.util.Arrays.fill(ones, 1f);
            rows.add(row);
            values.add(ones);
        }
        return Neighbours.cosine(items, rows, values, settings.neighbours());
    }

    /** Best sellers by orders, per key; each list at most {@value #LIST} long. */
    private static Map<String, int[]> popular(int items, List<Interaction> interactions, Map<String, Integer> index) {
        Map<String, int[]> counts = new HashMap<>();
        for (Interaction interaction : interactions) {
            if (interaction.kind() != InteractionKind.PURCHASE) {
                continue;
            }
            int item = index.get(interaction.sku());
            counts.computeIfAbsent(ItemModel.GLOBAL, key -> new int[items])[item]++;
            counts.computeIfAbsent(ItemModel.channelKey(interaction.channel()), key -> new int[items])[item]++;
            if (interaction.region() != null) {
                counts.computeIfAbsent(ItemModel.regionKey(interaction.region()), key -> new int[items])[item]++;
                counts.computeIfAbsent(ItemModel.channelRegionKey(interaction.channel(), interaction.region()),
                        key -> new int[items])[item]++;
            }
        }
        Map<String, int[]> lists = new HashMap<>();
        counts.forEach((key, perItem) -> lists.put(key, best(perItem)));
        return Map.copyOf(lists);
    }

    /** What sold more in the trend window than in the four before it, per channel and overall. */
    private Map<String, int[]> trending(int items, List<Interaction> interactions, Map<String, Integer> index,
            Instant until) {
        long window = settings.trendWindow().toMillis();
        long recentFrom = until.toEpochMilli() - window;
        long priorFrom = recentFrom - 4 * window;
        Map<String, float[]> scores = new HashMap<>();
        for (Interaction interaction : interactions) {
            long at = interaction.at().toEpochMilli();
            if (interaction.kind() != InteractionKind.PURCHASE || at < priorFrom) {
                continue;
            }
            float delta = at >= recentFrom ? 1f : -0.25f;
            int item = index.get(interaction.sku());
            scores.computeIfAbsent(ItemModel.GLOBAL, key -> new float[items])[item] += delta;
            scores.computeIfAbsent(ItemModel.channelKey(interaction.channel()), key -> new float[items])[item] += delta;
        }
        Map<String, int[]> lists = new HashMap<>();
        scores.forEach((key, perItem) -> {
            TopK top = new TopK(LIST);
            for (int item = 0; item < perItem.length; item++) {
                if (perItem[item] > 0) {
                    top.offer(item, perItem[item]);
                }
            }
            lists.put(key, top.ids());
        });
        return Map.copyOf(lists);
    }

    private static int[] best(int[] perItem) {
        TopK top = new TopK(LIST);
        for (int item = 0; item < perItem.length; item++) {
            if (perItem[item] > 0) {
                top.offer(item, perItem[item]);
            }
        }
        return top.ids();
    }
}
