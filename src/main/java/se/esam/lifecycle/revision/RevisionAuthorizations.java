package se.esam.lifecycle.revision;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.esam.lifecycle.identity.AuthorizationSetup;
import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.revision.internal.RevisionProcess;

/**
 * Expert groups start revisions by hand. A revision's draft is read by those who work on it: the kansli
 * reads every revision process; the owning expert group and, once the change is classified, the approver
 * group read their revision's process only ({@link RevisionSteps} grants it). Task holders read what their
 * task shows through the task itself.
 */
@Component
@Order(3)
class RevisionAuthorizations implements ApplicationRunner {

    private final AuthorizationSetup authorizations;

    RevisionAuthorizations(AuthorizationSetup authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> workers = new ArrayList<>(Roles.EXPERT_GROUPS);
        workers.addAll(Roles.APPROVERS);
        workers.add(Roles.KANSLI);
        workers.add(Roles.MANAGERS);
        for (String group : workers) {
            authorizations.grant(group, Resources.PROCESS_DEFINITION, RevisionProcess.KEY, Permissions.READ);
            authorizations.grant(
                    group, Resources.DECISION_DEFINITION, RevisionProcess.APPROVAL_DECISION, Permissions.READ);
            if (!group.equals(Roles.KANSLI)) {
                // granted on every revision by earlier versions: another group's draft is not theirs to read
                authorizations.revoke(
                        group,
                        Resources.PROCESS_DEFINITION,
                        RevisionProcess.KEY,
                        ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.READ_HISTORY);
            }
        }
        authorizations.grant(
                Roles.KANSLI,
                Resources.PROCESS_DEFINITION,
                RevisionProcess.KEY,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY);
        for (String group : Roles.EXPERT_GROUPS) {
            authorizations.grant(
                    group,
                    Resources.PROCESS_DEFINITION,
                    RevisionProcess.KEY,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
            authorizations.grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
    }
}
