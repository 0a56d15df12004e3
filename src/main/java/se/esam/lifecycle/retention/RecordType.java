package se.esam.lifecycle.retention;

import java.util.Locale;
import java.util.Set;

/**
 * The kinds of records the application keeps that a disposal decision covers, with the actions and
 * starting points each allows. Guidance documents, published versions and published dispositions are the
 * agency's decisions and kept permanently: they are not here.
 */
enum RecordType {
    /** A feedback item (the case): its text and submitter; the organisation and the decision stay. */
    FEEDBACK(Set.of(DisposalAction.ANONYMISE), Set.of(Anchor.CASE_CLOSED)),
    /** The questions to and answers from a submitter (feedback events CLARIFICATION_REQUESTED, CLARIFIED). */
    CLARIFICATION(Set.of(DisposalAction.ANONYMISE, DisposalAction.DELETE), Set.of(Anchor.CASE_CLOSED)),
    /** A member organisation's answer to a consultation (remiss) of a published revision. */
    CONSULTATION_RESPONSE(Set.of(DisposalAction.ANONYMISE, DisposalAction.DELETE), Set.of(Anchor.CASE_CLOSED)),
    /** The outbox's copy of a mail that was sent or given up on. */
    MAIL(Set.of(DisposalAction.DELETE), Set.of(Anchor.CREATED)),
    /** The audit trails: feedback events (other than clarifications) and revision events. */
    AUDIT_EVENT(Set.of(DisposalAction.ANONYMISE, DisposalAction.DELETE), Set.of(Anchor.CASE_CLOSED)),
    /** Camunda's history of a finished process instance (tasks, variables, activities, decisions). */
    ENGINE_HISTORY(Set.of(DisposalAction.DELETE), Set.of(Anchor.CASE_CLOSED)),
    /** A published revision's working copy of its sections; the published text is the guidance version's. */
    REVISION_DRAFT(Set.of(DisposalAction.DELETE), Set.of(Anchor.CASE_CLOSED));

    private final Set<DisposalAction> actions;
    private final Set<Anchor> anchors;

    RecordType(Set<DisposalAction> actions, Set<Anchor> anchors) {
        this.actions = actions;
        this.anchors = anchors;
    }

    Set<DisposalAction> actions() {
        return actions;
    }

    Set<Anchor> anchors() {
        return anchors;
    }

    /** As in config/retention.yaml: {@code consultation-response}. */
    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    enum DisposalAction {
        DELETE,
        ANONYMISE
    }

    /** What a period counts from. */
    enum Anchor {
        /** The feedback item closed, the revision published, the process instance ended. */
        CASE_CLOSED,
        /** The record was made. */
        CREATED
    }
}
