package se.esam.lifecycle.reporting;

import java.util.Map;
import java.util.NavigableMap;

/** Percentiles of a lead time from its histogram: items per tenth of a day. */
final class Histogram {

    private Histogram() {}

    static long count(NavigableMap<Integer, Long> histogram) {
        return histogram.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * As {@code percentile_cont} over the items' times in tenths of a day: linear interpolation between the
     * closest ranks, in days rounded to a tenth; null without items.
     */
    static Double percentile(NavigableMap<Integer, Long> histogram, double fraction) {
        long count = count(histogram);
        if (count == 0) {
            return null;
        }
        double position = fraction * (count - 1);
        long lower = (long) Math.floor(position);
        long upper = (long) Math.ceil(position);
        double low = valueAt(histogram, lower);
        double high = upper == lower ? low : valueAt(histogram, upper);
        return Math.round(low + (high - low) * (position - lower)) / 10.0;
    }

    /** The tenths of the item at the rank (from 0) in ascending order. */
    private static int valueAt(NavigableMap<Integer, Long> histogram, long rank) {
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : histogram.entrySet()) {
            seen += bucket.getValue();
            if (rank < seen) {
                return bucket.getKey();
            }
        }
        throw new IllegalArgumentException("rank " + rank + " beyond " + seen + " items");
    }
}
