package se.esam.lifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The accessibility statement cannot be published without a way to report a problem (DOS-lagen 15 §). */
class AccessibilityPropertiesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    @Test
    void theApplicationDoesNotStartWithoutAnAddressToReportProblemsTo() {
        assertThatThrownBy(() -> new AccessibilityProperties(null, DAY, DAY, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("guidance.accessibility.contact-email");
        assertThatThrownBy(() -> new AccessibilityProperties("tillganglighet", DAY, DAY, null))
                .hasMessageContaining("guidance.accessibility.contact-email");
    }

    @Test
    void theStatementStatesWhenItWasAssessedAndReviewed() {
        assertThatThrownBy(() -> new AccessibilityProperties("a11y@esamverka.se", null, DAY, null))
                .hasMessageContaining("guidance.accessibility.assessed");
        assertThatThrownBy(() -> new AccessibilityProperties("a11y@esamverka.se", DAY, null, null))
                .hasMessageContaining("guidance.accessibility.reviewed");
    }

    @Test
    void complaintsGoToDiggUnlessConfiguredOtherwise() {
        assertThat(new AccessibilityProperties("a11y@esamverka.se", DAY, DAY, null).supervisionUrl())
                .isEqualTo(URI.create("https://www.digg.se/tdosanmalan"));
    }
}
