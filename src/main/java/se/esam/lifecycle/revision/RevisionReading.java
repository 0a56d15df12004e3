package se.esam.lifecycle.revision;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

import se.esam.lifecycle.guidance.GuidanceCatalogue;
import se.esam.lifecycle.guidance.GuidanceDocument;
import se.esam.lifecycle.identity.CurrentUser;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.revision.internal.RevisionProcess;
import se.esam.lifecycle.system.AsApplication;

/**
 * Who reads how much of a revision. The draft, its traces, who drafted it and every consultation response are
 * for those who work on it: the owning expert group, the kansli, the approvers of this revision and
 * administrators. Other members see a revision only once it is out on consultation (the proposal and their
 * own organisation's response) or published; before that it does not exist for them.
 */
@Component
class RevisionReading {

    enum Level {
        /** Everything, responses of every organisation included. */
        WORKING,
        /** The proposal or the published version; responses only from the reader's own organisation. */
        MEMBER,
        /** Nothing: answered as if there were no such revision. */
        NONE
    }

    private final GuidanceCatalogue catalogue;
    private final Directory directory;
    private final HistoryService history;
    private final IdentityService identity;

    RevisionReading(
            GuidanceCatalogue catalogue, Directory directory, HistoryService history, IdentityService identity) {
        this.catalogue = catalogue;
        this.directory = directory;
        this.history = history;
        this.identity = identity;
    }

    Level of(Revision revision, CurrentUser reader) {
        if (reader.isIn(Roles.ADMINS)
                || reader.isIn(Roles.KANSLI)
                || owningGroup(revision).map(reader::isIn).orElse(false)
                || approverGroup(revision).map(reader::isIn).orElse(false)) {
            return Level.WORKING;
        }
        if (revision.status() == RevisionStatus.IN_CONSULTATION || revision.status() == RevisionStatus.PUBLISHED) {
            return Level.MEMBER;
        }
        return Level.NONE;
    }

    /** The consultation responses this reader may see. */
    List<Revision.ConsultationResponse> responses(
            Level level, List<Revision.ConsultationResponse> all, CurrentUser reader) {
        if (level == Level.WORKING) {
            return all;
        }
        Optional<String> own = directory.organisationOf(reader.id()).map(Directory.Organisation::name);
        return all.stream()
                .filter(response -> own.map(response.organisation()::equals).orElse(false))
                .toList();
    }

    private Optional<String> owningGroup(Revision revision) {
        return catalogue.document(revision.guidanceId()).map(GuidanceDocument::owningGroup);
    }

    /** Decided by the classification table once the draft is done; until then nobody approves. */
    private Optional<String> approverGroup(Revision revision) {
        if (revision.processInstanceId() == null) {
            return Optional.empty();
        }
        List<HistoricVariableInstance> found = AsApplication.query(
                identity,
                () -> history.createHistoricVariableInstanceQuery()
                        .processInstanceId(revision.processInstanceId())
                        .variableName(RevisionProcess.Vars.APPROVER_GROUP)
                        .disableCustomObjectDeserialization()
                        .list());
        return found.stream()
                .map(HistoricVariableInstance::getValue)
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .findFirst();
    }
}
