package io.throughline.recommendations.internal;

import io.throughline.recommendations.Recommendation.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Scores products for one question against one model, each with the reason that weighed most. "For you" is
 * recency-weighted item-to-item similarity: every product she viewed, put in a cart or bought weighs by what she
 * did (a purchase more than a view) and halves every half-life; each passes its weight on to its neighbours bought
 * by the same customers, and a product she bought before comes back by its buy-again rate.
 */
final class Recommender {

    /** Something she did, as the scoring reads it. */
    record Seen(int item, InteractionKind kind, long atMillis, String channel) {}

    record Candidate(int item, double score, Reason reason) {}

    private final ModelSettings settings;

    Recommender(ModelSettings settings) {
        this.settings = settings;
    }

    List<Candidate> forYou(ItemModel model, List<Seen> history, Instant now, int want) {
        int n = model.size();
        double[] weight = new double[n];
        long[] lastAt = new long[n];
        String[] lastChannel = new String[n];
        boolean[] bought = new boolean[n];
        double halfLife = settings.halfLife().toMillis();
        long nowMillis = now.toEpochMilli();
        List<Integer> touched = new ArrayList<>();
        for (Seen seen : history) {
            if (seen.item() >= n) {
                continue;
            }
            double age = Math.max(0, nowMillis - seen.atMillis());
            if (weight[seen.item()] == 0 && lastChannel[seen.item()] == null) {
                touched.add(seen.item());
            }
            weight[seen.item()] += seen.kind().weight() * Math.pow(0.5, age / halfLife);
            if (seen.atMillis() >= lastAt[seen.item()]) {
                lastAt[seen.item()] = seen.atMillis();
                lastChannel[seen.item()] = seen.channel();
            }
            bought[seen.item()] |= seen.kind() == InteractionKind.PURCHASE;
        }
        double[] score = new double[n];
        double[] best = new double[n];
        int[] from = new int[n];
        for (int item : touched) {
            double w = weight[item];
            if (w <= 0) {
                continue;
            }
            int[] neighbours = model.similar.of(item);
            float[] similarity = model.similar.scoresOf(item);
            for (int x = 0; x < neighbours.length; x++) {
                int j = neighbours[x];
                double part = w * similarity[x];
                score[j] += part;
                if (part > best[j]) {
                    best[j] = part;
                    from[j] = item;
                }
            }
            if (bought[item]) {
                double again = settings.buyAgain() * model.repeatRate[item] * w;
                score[item] += again;
                if (again > best[item]) {
                    best[item] = again;
                    from[item] = item;
                }
            }
        }
        TopK top = new TopK(want);
        for (int item = 0; item < n; item++) {
            if (score[item] > 0) {
                top.offer(item, (float) score[item]);
            }
        }
        int[] ids = top.ids();
        float[] scores = top.scores();
        List<Candidate> candidates = new ArrayList<>(ids.length);
        for (int x = 0; x < ids.length; x++) {
            int item = ids[x];
            int source = from[item];
            Reason.Kind kind = source == item ? Reason.Kind.BUY_AGAIN : Reason.Kind.BOUGHT_BY_SIMILAR;
            candidates.add(new Candidate(item, scores[x], new Reason(kind, model.skus[source], model.nameOf(source),
                    lastChannel[source], Instant.ofEpochMilli(lastAt[source]), null)));
        }
        return candidates;
    }

    /** Bought together with the seeds, then viewed together with them at half the weight. */
    List<Candidate> together(ItemModel model, List<Integer> seeds, int want) {
        int n = model.size();
        double[] score = new double[n];
        double[] best = new double[n];
        int[] from = new int[n];
        boolean[] viewed = new boolean[n];
        Set<Integer> seedSet = new HashSet<>(seeds);
        for (int seed : seeds) {
            add(model.boughtTogether, seed, 1.0, false, score, best, from, viewed);
            add(model.viewedTogether, seed, 0.5, true, score, best, from, viewed);
        }
        TopK top = new TopK(want);
        for (int item = 0; item < n; item++) {
            if (score[item] > 0 && !seedSet.contains(item)) {
                top.offer(item, (float) score[item]);
            }
        }
        int[] ids = top.ids();
        float[] scores = top.scores();
        List<Candidate> candidates = new ArrayList<>(ids.length);
        for (int x = 0; x < ids.length; x++) {
            int item = ids[x];
            int source = from[item];
            candidates.add(new Candidate(item, scores[x], new Reason(viewed[item] ? Reason.Kind.VIEWED_TOGETHER
                    : Reason.Kind.BOUGHT_TOGETHER, model.skus[source], model.nameOf(source), null, null, null)));
        }
        return candidates;
    }

    private static void add(Neighbours neighbours, int seed, double factor, boolean viewing, double[] score,
            double[] best, int[] from, boolean[] viewed) {
        int[] ids = neighbours.of(seed);
        float[] similarity = neighbours.scoresOf(seed);
        for (int x = 0; x < ids.length; x++) {
            double part = factor * similarity[x];
            score[ids[x]] += part;
            if (part > best[ids[x]]) {
                best[ids[x]] = part;
                from[ids[x]] = seed;
                viewed[ids[x]] = viewing;
            }
        }
    }

    /**
     * Two lists made one: each scaled by its best score and weighed, a product in both adding up, each keeping the
     * reason of the part that gave it more. So a cart's bought-together list leans towards what she likes, and her
     * next best offer at the till towards what goes with her cart, without either list's scale drowning the other.
     */
    static List<Candidate> blend(List<Candidate> first, double firstWeight, List<Candidate> second,
            double secondWeight, int want) {
        if (second.isEmpty()) {
            return first;
        }
        if (first.isEmpty()) {
            return second;
        }
        Map<Integer, double[]> parts = new HashMap<>();
        Map<Integer, Reason> reasons = new HashMap<>();
        add(first, firstWeight, 0, parts, reasons);
        add(second, secondWeight, 1, parts, reasons);
        TopK top = new TopK(want);
        parts.forEach((item, part) -> top.offer(item, (float) (part[0] + part[1])));
        int[] ids = top.ids();
        float[] scores = top.scores();
        List<Candidate> blended = new ArrayList<>(ids.length);
        for (int x = 0; x < ids.length; x++) {
            blended.add(new Candidate(ids[x], scores[x], reasons.get(ids[x])));
        }
        return blended;
    }

    private static void add(List<Candidate> list, double weight, int slot, Map<Integer, double[]> parts,
            Map<Integer, Reason> reasons) {
        double max = 0;
        for (Candidate candidate : list) {
            max = Math.max(max, candidate.score());
        }
        if (max <= 0) {
            return;
        }
        for (Candidate candidate : list) {
            double[] part = parts.computeIfAbsent(candidate.item(), item -> new double[2]);
            part[slot] = weight * candidate.score() / max;
            if (part[slot] >= part[1 - slot]) {
                reasons.put(candidate.item(), candidate.reason());
            }
        }
    }

    /** The best sellers of the channel in the region, else of the channel, else of all. */
    List<Candidate> popular(ItemModel model, @Nullable String channel, @Nullable String region) {
        int[] list = null;
        String listRegion = null;
        if (channel != null && region != null) {
            list = model.popular.get(ItemModel.channelRegionKey(channel, region));
            listRegion = region;
        }
        if (list == null && channel == null && region != null) {
            list = model.popular.get(ItemModel.regionKey(region));
            listRegion = region;
        }
        if (list == null && channel != null) {
            list = model.popular.get(ItemModel.channelKey(channel));
            listRegion = null;
        }
        if (list == null) {
            list = model.popular.getOrDefault(ItemModel.GLOBAL, new int[0]);
            listRegion = null;
        }
        return ranked(list, new Reason(Reason.Kind.POPULAR, null, null, channel, null, listRegion));
    }

    List<Candidate> trending(ItemModel model, @Nullable String channel) {
        int[] list = channel == null ? null : model.trending.get(ItemModel.channelKey(channel));
        if (list == null) {
            list = model.trending.getOrDefault(ItemModel.GLOBAL, new int[0]);
        }
        return ranked(list, new Reason(Reason.Kind.TRENDING, null, null, channel, null, null));
    }

    /** What she bought within the just-bought period that is not bought again and again. */
    Set<Integer> justBought(ItemModel model, List<Seen> history, Instant now) {
        long since = now.toEpochMilli() - settings.justBought().toMillis();
        Set<Integer> recent = new HashSet<>();
        for (Seen seen : history) {
            if (seen.kind() == InteractionKind.PURCHASE && seen.atMillis() >= since && seen.item() < model.size()
                    && model.repeatRate[seen.item()] < settings.repeatRate()) {
                recent.add(seen.item());
            }
        }
        return recent;
    }

    private static List<Candidate> ranked(int[] list, Reason reason) {
        List<Candidate> candidates = new ArrayList<>(list.length);
        for (int x = 0; x < list.length; x++) {
            candidates.add(new Candidate(list[x], list.length - x, reason));
        }
        return candidates;
    }
}
