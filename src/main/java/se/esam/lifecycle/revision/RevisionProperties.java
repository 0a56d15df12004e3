package se.esam.lifecycle.revision;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param consultationPeriod how long member organisations have to answer a consultation ("remiss") */
@ConfigurationProperties("guidance.revision")
record RevisionProperties(Period consultationPeriod) {

    RevisionProperties {
        if (consultationPeriod == null) {
            throw new IllegalArgumentException("guidance.revision.consultation-period is not configured");
        }
    }
}
