package io.throughline.recommendations.internal;

import java.util.List;

/**
 * Each item's nearest items by cosine similarity over rows (customers, baskets, browsing days) that hold them,
 * at most {@code k} each, best first. Computed item by item with one dense accumulator, so the cost is the sum of
 * the squared row lengths, not the square of the number of items.
 */
final class Neighbours {

    static final Neighbours NONE = new Neighbours(new int[0][], new float[0][]);

    final int[][] ids;
    final float[][] scores;

    private Neighbours(int[][] ids, float[][] scores) {
        this.ids = ids;
        this.scores = scores;
    }

    int[] of(int item) {
        return item < ids.length ? ids[item] : new int[0];
    }

    float[] scoresOf(int item) {
        return item < scores.length ? scores[item] : new float[0];
    }

    /**
     * @param rows   the items of each row
     * @param values the weight of each item in its row, parallel to {@code rows}
     */
    static Neighbours cosine(int items, List<int[]> rows, List<float[]> values, int k) {
        int[] counts = new int[items];
        for (int[] row : rows) {
            for (int item : row) {
                counts[item]++;
            }
        }
        int[][] rowsOf = new int[items][];
        float[][] valueOf = new float[items][];
        for (int i = 0; i < items; i++) {
            rowsOf[i] = new int[counts[i]];
            valueOf[i] = new float[counts[i]];
        }
        int[] fill = new int[items];
        double[] norms = new double[items];
        for (int r = 0; r < rows.size(); r++) {
            int[] row = rows.get(r);
            float[] value = values.get(r);
            for (int x = 0; x < row.length; x++) {
                int item = row[x];
                rowsOf[item][fill[item]] = r;
                valueOf[item][fill[item]++] = value[x];
                norms[item] += (double) value[x] * value[x];
            }
        }
        for (int i = 0; i < items; i++) {
            norms[i] = Math.sqrt(norms[i]);
        }
        int[][] ids = new int[items][];
        float[][] scores = new float[items][];
        double[] acc = new double[items];
        int[] touched = new int[items];
        for (int i = 0; i < items; i++) {
            int seen = 0;
            for (int x = 0; x < rowsOf[i].length; x++) {
                int r = rowsOf[i][x];
                float vi = valueOf[i][x];
                int[] row = rows.get(r);
                float[] value = values.get(r);
                for (int y = 0; y < row.length; y++) {
                    int j = row[y];
                    if (j == i) {
                        continue;
                    }
                    if (acc[j] == 0) {
                        touched[seen++] = j;
                    }
                    acc[j] += (double) vi * value[y];
                }
            }
            TopK top = new TopK(k);
            for (int t = 0; t < seen; t++) {
                int j = touched[t];
                double denominator = norms[i] * norms[j];
                if (denominator > 0 && acc[j] > 0) {
                    top.offer(j, (float) (acc[j] / denominator));
                }
                acc[j] = 0;
            }
            ids[i] = top.ids();
            scores[i] = top.scores();
        }
        return new Neighbours(ids, scores);
    }
}
