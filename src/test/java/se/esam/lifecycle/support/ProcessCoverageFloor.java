package se.esam.lifecycle.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;

/**
 * The one rule for process tests: the build fails when a test class leaves more than a tenth of its
 * process's flow nodes unwalked. Processes a class only drives to reach its own are measured elsewhere.
 */
public final class ProcessCoverageFloor {

    public static final double MINIMUM_CLASS_COVERAGE = 0.9;

    private ProcessCoverageFloor() {}

    public static ProcessEngineCoverageProperties measuredElsewhere(String... processDefinitionKeys) {
        return ProcessEngineCoverageProperties.builder()
                .assertClassCoverageAtLeast(MINIMUM_CLASS_COVERAGE)
                .excludeProcessDefinitionKeys(processDefinitionKeys)
                .build();
    }
}
