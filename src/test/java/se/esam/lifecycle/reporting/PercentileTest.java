package se.esam.lifecycle.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link ReportQueries#percentile} must agree with the database's percentile_cont, which the other figures use. */
class PercentileTest {

    @Test
    void noValuesHaveNoPercentile() {
        assertThat(ReportQueries.percentile(List.of(), 0.5)).isNull();
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertThat(ReportQueries.percentile(List.of(4.2), 0.5)).isEqualTo(4.2);
        assertThat(ReportQueries.percentile(List.of(4.2), 0.9)).isEqualTo(4.2);
    }

    @Test
    void theMedianOfAnEvenCountLiesHalfwayBetweenTheMiddleValues() {
        assertThat(ReportQueries.percentile(List.of(1.0, 2.0, 3.0, 4.0), 0.5)).isEqualTo(2.5);
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleValue() {
        assertThat(ReportQueries.percentile(List.of(1.0, 10.0, 100.0), 0.5)).isEqualTo(10.0);
    }

    @Test
    void betweenRanksTheValueIsInterpolatedAsPercentileContDoes() {
        // position 0.9 * (4 - 1) = 2.7: from the third value (30) seven tenths of the way to the fourth (40)
        assertThat(ReportQueries.percentile(List.of(10.0, 20.0, 30.0, 40.0), 0.9))
                .isEqualTo(37.0);
        // position 0.9 * (10 - 1) = 8.1 over 1..10: 9 + 0.1
        assertThat(ReportQueries.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 0.9))
                .isEqualTo(9.1);
    }

    @Test
    void theOrderOfTheValuesDoesNotMatter() {
        assertThat(ReportQueries.percentile(List.of(40.0, 10.0, 30.0, 20.0), 0.9))
                .isEqualTo(37.0);
        assertThat(ReportQueries.percentile(List.of(3.0, 1.0, 2.0), 0.5)).isEqualTo(2.0);
    }

    @Test
    void theEndsAreTheSmallestAndTheLargestValue() {
        assertThat(ReportQueries.percentile(List.of(5.0, 1.0, 9.0), 0.0)).isEqualTo(1.0);
        assertThat(ReportQueries.percentile(List.of(5.0, 1.0, 9.0), 1.0)).isEqualTo(9.0);
    }

    @Test
    void theResultIsRoundedToOneDecimalAsTheReportShowsDays() {
        assertThat(ReportQueries.percentile(List.of(0.0, 1.0), 0.33)).isEqualTo(0.3);
        assertThat(ReportQueries.percentile(List.of(0.0, 1.0), 0.36)).isEqualTo(0.4);
        assertThat(ReportQueries.percentile(List.of(1.04, 1.04), 0.5)).isEqualTo(1.0);
    }
}
