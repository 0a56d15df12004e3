package se.esam.lifecycle.system;

import java.net.URI;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the accessibility statement (tillgänglighetsredogörelse, DOS-lagen 15 §) says that is not the software's to
 * know: where people report problems, and when the service was last assessed and the statement last reviewed.
 *
 * @param contactEmail  where anyone reports an accessibility problem or asks for content in an accessible form
 * @param assessed      when the service was last assessed (the automated checks run on every build)
 * @param reviewed      when the statement was last reviewed; DIGG expects it at least once a year
 * @param supervisionUrl where a complaint to the supervisory authority (DIGG) is made
 */
@ConfigurationProperties("guidance.accessibility")
record AccessibilityProperties(String contactEmail, LocalDate assessed, LocalDate reviewed, URI supervisionUrl) {

    AccessibilityProperties {
        // a statement without a way to report problems does not meet the law: refuse to start without one
        if (contactEmail == null || !contactEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException(
                    "guidance.accessibility.contact-email is not configured as an e-mail address");
        }
        if (assessed == null || reviewed == null) {
            throw new IllegalArgumentException(
                    "guidance.accessibility.assessed and guidance.accessibility.reviewed must be configured");
        }
        if (supervisionUrl == null) {
            supervisionUrl = URI.create("https://www.digg.se/tdosanmalan");
        }
    }
}
