package se.esam.lifecycle.feedback;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.identity.AuthorizationSetup;
import se.esam.lifecycle.identity.Roles;

/** Who may start, see and follow the feedback process and its routing decision. */
@Component
@Order(3)
class FeedbackAuthorizations implements ApplicationRunner {

    private final AuthorizationSetup authorizations;

    FeedbackAuthorizations(AuthorizationSetup authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String group : Roles.ALL) {
            authorizations.grant(group, Resources.PROCESS_DEFINITION, FeedbackProcess.KEY, Permissions.READ);
        }
        authorizations.grant(
                Roles.SUBMITTERS,
                Resources.PROCESS_DEFINITION,
                FeedbackProcess.KEY,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        for (String watcher : new String[] {Roles.KANSLI, Roles.MANAGERS}) {
            authorizations.grant(
                    watcher,
                    Resources.PROCESS_DEFINITION,
                    FeedbackProcess.KEY,
                    ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY);
            authorizations.grant(
                    watcher,
                    Resources.DECISION_DEFINITION,
                    FeedbackProcess.ROUTING_DECISION,
                    Permissions.READ,
                    Permissions.READ_HISTORY);
        }
    }
}
