package se.esam.lifecycle.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Percentiles from a histogram in tenths of a day are those {@link ReportQueries#percentile} (as
 * percentile_cont) gives for the times rounded to a tenth: within a tenth of a day of the exact figure.
 */
class HistogramTest {

    @Test
    void anEmptyHistogramHasNoPercentile() {
        assertThat(Histogram.percentile(new TreeMap<>(), 0.5)).isNull();
        assertThat(Histogram.count(new TreeMap<>())).isZero();
    }

    @Test
    void timesRoundToTheNearestTenthOfADayHalfUp() {
        assertThat(MonthlyFigures.tenths(0)).isZero();
        assertThat(MonthlyFigures.tenths(4_319)).isZero();
        assertThat(MonthlyFigures.tenths(4_320)).isEqualTo(1);
        assertThat(MonthlyFigures.tenths(86_400)).isEqualTo(10);
        assertThat(MonthlyFigures.tenths(5 * 86_400 + 4_319)).isEqualTo(50);
    }

    @Test
    void fromTenDaysOnToTheNearestDayAndFromAHundredToTheNearestTenDays() {
        assertThat(MonthlyFigures.tenths(9 * 86_400 + 80_000)).isEqualTo(99);
        assertThat(MonthlyFigures.tenths(12 * 86_400 + 30_000)).isEqualTo(120);
        assertThat(MonthlyFigures.tenths(12 * 86_400 + 45_000)).isEqualTo(130);
        assertThat(MonthlyFigures.tenths(44 * 86_400)).isEqualTo(440);
        assertThat(MonthlyFigures.tenths(104 * 86_400)).isEqualTo(1000);
        assertThat(MonthlyFigures.tenths(105 * 86_400)).isEqualTo(1100);
    }

    @Test
    void wholeDaysGiveTheExactFigures() {
        // 3, 5 and 14 days: the median 5, p90 at position 1.8 5 + 0.8 × 9 = 12.2
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        histogram.put(30, 1L);
        histogram.put(50, 1L);
        histogram.put(140, 1L);
        assertThat(Histogram.percentile(histogram, 0.5)).isEqualTo(5.0);
        assertThat(Histogram.percentile(histogram, 0.9)).isEqualTo(12.2);
        assertThat(Histogram.count(histogram)).isEqualTo(3);
    }

    @Test
    void manyItemsInABucketCountEachByRank() {
        // ten items at 1.0 day and one at 2.0: position 0.9 × 10 = 9 is still 1.0; the maximum is 2.0
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        histogram.put(10, 10L);
        histogram.put(20, 1L);
        assertThat(Histogram.percentile(histogram, 0.9)).isEqualTo(1.0);
        assertThat(Histogram.percentile(histogram, 1.0)).isEqualTo(2.0);
    }

    @Test
    void belowTenDaysWithinATenthOfADay() {
        agreeWithin(10, 0.1);
    }

    @Test
    void belowAHundredDaysWithinHalfADayAndTheRounding() {
        agreeWithin(100, 0.6);
    }

    private static void agreeWithin(int days, double precision) {
        Random random = new Random(16);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(300);
            List<Long> seconds =
                    random.longs(n, 0, days * 86_400L - 4_321).boxed().toList();
            TreeMap<Integer, Long> histogram = new TreeMap<>();
            seconds.forEach(s -> histogram.merge(MonthlyFigures.tenths(s), 1L, Long::sum));
            List<Double> rounded =
                    seconds.stream().map(s -> MonthlyFigures.tenths(s) / 10.0).toList();
            List<Double> exact = seconds.stream().map(s -> s / 86_400.0).toList();
            for (double fraction : new double[] {0.5, 0.9}) {
                Double fromHistogram = Histogram.percentile(histogram, fraction);
                // the same up to the floating point of the days (a tie at the rounding may fall either way)
                assertThat(fromHistogram).isCloseTo(ReportQueries.percentile(rounded, fraction), within(0.1));
                assertThat(fromHistogram).isCloseTo(ReportQueries.percentile(exact, fraction), within(precision));
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset + 1e-9);
    }
}
