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

import se.esam.lifecycle.security.AuthorizationSetup;
import se.esam.lifecycle.security.Roles;

/**
 * Expert groups start revisions by hand; everyone who works on revisions reads them (their text is
 * about to become public anyway). Submitters take part through consultation, not the engine.
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
            authorizations.grant(group, Resources.PROCESS_DEFINITION, RevisionProcess.KEY, Permissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
            authorizations.grant(group, Resources.DECISION_DEFINITION, RevisionProcess.APPROVAL_DECISION,
                    Permissions.READ);
        }
        for (String group : Roles.EXPERT_GROUPS) {
            authorizations.grant(group, Resources.PROCESS_DEFINITION, RevisionProcess.KEY,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
            authorizations.grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
    }
}
