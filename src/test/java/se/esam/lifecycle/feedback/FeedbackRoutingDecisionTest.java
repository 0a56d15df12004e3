package se.esam.lifecycle.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.feedback.internal.FeedbackProcess.Vars;
import se.esam.lifecycle.identity.Roles;

/**
 * The routing table {@code processes/feedback-routing.dmn} on its own, in the DMN engine without the
 * application: which expert group and priority it proposes for each feedback type and owning group.
 */
class FeedbackRoutingDecisionTest {

    /** Relative to the project root, which is Maven's working directory for tests. */
    private static final Path ROUTING_TABLE = Path.of("processes", "feedback-routing.dmn");

    private static final List<DmnDecisionTableEvaluationEvent> evaluations = new ArrayList<>();
    private static DmnEngine dmnEngine;
    private static DmnDecision routing;

    @BeforeAll
    static void parseTheRoutingTable() throws IOException {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(evaluations::add));
        dmnEngine = configuration.buildEngine();
        try (InputStream table = Files.newInputStream(ROUTING_TABLE)) {
            routing = dmnEngine.parseDecision(FeedbackProcess.ROUTING_DECISION, table);
        }
    }

    @ParameterizedTest(name = "{0} on guidance owned by {1}: {2}, {3}")
    @CsvSource(delimiterString = "|", textBlock = """
            # feedback type          | owning group                | proposed expert group       | priority
            ERROR                    | expert-architecture         | expert-architecture         | HIGH
            ERROR                    | expert-law                  | expert-law                  | HIGH
            ERROR                    | expert-information-security | expert-information-security | HIGH
            ERROR                    | expert-communication        | expert-communication        | HIGH
            NOT_WORKING_IN_PRACTICE  | expert-architecture         | expert-architecture         | HIGH
            NOT_WORKING_IN_PRACTICE  | expert-law                  | expert-law                  | HIGH
            NOT_WORKING_IN_PRACTICE  | expert-information-security | expert-information-security | HIGH
            NOT_WORKING_IN_PRACTICE  | expert-communication        | expert-communication        | HIGH
            GAP                      | expert-architecture         | expert-architecture         | NORMAL
            GAP                      | expert-law                  | expert-law                  | NORMAL
            GAP                      | expert-information-security | expert-information-security | NORMAL
            GAP                      | expert-communication        | expert-communication        | NORMAL
            SUGGESTION               | expert-architecture         | expert-architecture         | LOW
            SUGGESTION               | expert-law                  | expert-law                  | LOW
            SUGGESTION               | expert-information-security | expert-information-security | LOW
            SUGGESTION               | expert-communication        | expert-communication        | LOW
            # editorial feedback goes to the communication group, with low priority ...
            EDITORIAL                | expert-architecture         | expert-communication        | LOW
            EDITORIAL                | expert-information-security | expert-communication        | LOW
            EDITORIAL                | expert-communication        | expert-communication        | LOW
            # ... except on legal texts, where the wording matters: the law group reviews it
            EDITORIAL                | expert-law                  | expert-law                  | NORMAL
            """)
    void proposesExpertGroupAndPriority(FeedbackType type, String owningGroup, String expertGroup, Priority priority) {
        DmnDecisionResult result = route(type, owningGroup, 1);

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap())
                .containsOnly(entry(Vars.EXPERT_GROUP, expertGroup), entry(Vars.PRIORITY, priority.name()));
    }

    /** Breadth: when at least three organisations stand behind an item (the submitter and two endorsers). */
    @ParameterizedTest(name = "{0} on guidance owned by {1}, {2} organisations: {3}, {4}")
    @CsvSource(delimiterString = "|", textBlock = """
            # feedback type          | owning group         | organisations | proposed expert group | priority
            GAP                      | expert-architecture  | 2             | expert-architecture   | NORMAL
            GAP                      | expert-architecture  | 3             | expert-architecture   | HIGH
            GAP                      | expert-law           | 12            | expert-law            | HIGH
            SUGGESTION               | expert-architecture  | 2             | expert-architecture   | LOW
            SUGGESTION               | expert-architecture  | 3             | expert-architecture   | NORMAL
            EDITORIAL                | expert-architecture  | 3             | expert-communication  | NORMAL
            EDITORIAL                | expert-law           | 3             | expert-law            | HIGH
            # already high: stays high, however broad
            ERROR                    | expert-architecture  | 3             | expert-architecture   | HIGH
            NOT_WORKING_IN_PRACTICE  | expert-law           | 40            | expert-law            | HIGH
            """)
    void breadthRaisesThePriorityOneStep(
            FeedbackType type, String owningGroup, int breadth, String expertGroup, Priority priority) {
        DmnDecisionResult result = route(type, owningGroup, breadth);

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap())
                .containsOnly(entry(Vars.EXPERT_GROUP, expertGroup), entry(Vars.PRIORITY, priority.name()));
    }

    /** Any expert group may own guidance (config/catalogue.yaml), and feedback of any type may concern it. */
    @ParameterizedTest(name = "{0} on guidance owned by {1}, {2} organisations")
    @MethodSource("everyFeedbackTypeForEveryOwningGroup")
    void exactlyOneRuleMatchesEveryFeedbackTypeOnGuidanceOfEveryOwningGroup(
            FeedbackType type, String owningGroup, int breadth) {
        evaluations.clear();

        route(type, owningGroup, breadth);

        assertThat(evaluations)
                .singleElement()
                .satisfies(
                        evaluation -> assertThat(evaluation.getMatchingRules()).hasSize(1));
    }

    @Test
    void everyRuleOfTheTableIsReachable() {
        evaluations.clear();

        everyFeedbackTypeForEveryOwningGroup()
                .forEach(arguments -> route(
                        (FeedbackType) arguments.get()[0], (String) arguments.get()[1], (Integer)
                                arguments.get()[2]));

        Set<String> matched = evaluations.stream()
                .flatMap(evaluation -> evaluation.getMatchingRules().stream())
                .map(DmnEvaluatedDecisionRule::getId)
                .collect(Collectors.toSet());
        assertThat(matched).isEqualTo(ruleIds());
    }

    /** As the process's business rule task calls it: with the process variables of those names. */
    private static DmnDecisionResult route(FeedbackType type, String owningGroup, int breadth) {
        return dmnEngine.evaluateDecision(
                routing,
                Map.of(Vars.FEEDBACK_TYPE, type.name(), Vars.OWNING_GROUP, owningGroup, Vars.BREADTH, breadth));
    }

    /** Breadth from one organisation (no endorsement) to many, around the step at three. */
    static Stream<Arguments> everyFeedbackTypeForEveryOwningGroup() {
        return Arrays.stream(FeedbackType.values())
                .flatMap(type -> Roles.EXPERT_GROUPS.stream()
                        .flatMap(
                                group -> Stream.of(1, 2, 3, 4, 30).map(breadth -> Arguments.of(type, group, breadth))));
    }

    private static Set<String> ruleIds() {
        return Dmn.readModelFromFile(ROUTING_TABLE.toFile()).getModelElementsByType(Rule.class).stream()
                .map(Rule::getId)
                .collect(Collectors.toSet());
    }
}
