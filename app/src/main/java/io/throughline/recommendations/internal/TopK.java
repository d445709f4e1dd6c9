package io.throughline.recommendations.internal;

/** The k best of a stream of (id, score), by a min-heap on primitive arrays; ties go to the lower id. */
final class TopK {

    private final int[] ids;
    private final float[] scores;
    private int size;

    TopK(int k) {
        ids = new int[Math.max(0, k)];
        scores = new float[Math.max(0, k)];
    }

    void offer(int id, float score) {
        if (ids.length == 0) {
            return;
        }
        if (size < ids.length) {
            ids[size] = id;
            scores[size] = score;
            up(size++);
        } else if (better(id, score, ids[0], scores[0])) {
            ids[0] = id;
            scores[0] = score;
            down(0);
        }
    }

    /** The ids, best first. */
    int[] ids() {
        sort();
        return java.util.Arrays.copyOf(ids, size);
    }

    float[] scores() {
        sort();
        return java.util.Arrays.copyOf(scores, size);
    }

    private boolean sorted;

    private void sort() {
        if (sorted) {
            return;
        }
        // Heap-sort in place: the worst goes to the end each time, leaving the best first.
        int n = size;
        for (int end = n - 1; end > 0; end--) {
            swap(0, end);
            size = end;
            down(0);
        }
        size = n;
        sorted = true;
    }

    private static boolean better(int id, float score, int otherId, float otherScore) {
        return score > otherScore || (score == otherScore && id < otherId);
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (better(ids[parent], scores[parent], ids[i], scores[i])) {
                swap(i, parent);
                i = parent;
            } else {
                return;
            }
        }
    }

    private void down(int i) {
        while (true) {
            int left = 2 * i + 1;
            int right = left + 1;
            int worst = i;
            if (left < size && better(ids[worst], scores[worst], ids[left], scores[left])) {
                worst = left;
            }
            if (right < size && better(ids[worst], scores[worst], ids[right], scores[right])) {
                worst = right;
            }
            if (worst == i) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        int id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
