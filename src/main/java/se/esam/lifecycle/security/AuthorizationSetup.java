package se.esam.lifecycle.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.esam.lifecycle.feedback.FeedbackProcess;

/**
 * What each role may do in the engine, granted at every start (missing grants are added, nothing is
 * taken away). Task access is not here: the engine grants it to a task's candidate group and assignee.
 */
@Component
@Order(2)
class AuthorizationSetup implements ApplicationRunner {

    static final String ADMINS = "camunda-admin";
    static final String SUBMITTERS = "submitters";
    static final String KANSLI = "kansli";
    static final String MANAGERS = "managers";
    static final List<String> EXPERT_GROUPS = List.of("expert-architecture", "expert-law",
            "expert-information-security", "expert-communication");
    static final List<String> APPROVERS = List.of("chief-architect", "steering-group");

    private final AuthorizationService authorizations;

    AuthorizationSetup(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Resource resource : Resources.values()) {
            grant(ADMINS, resource, ANY, Permissions.ALL);
        }
        for (String group : everyRole()) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, FeedbackProcess.KEY, Permissions.READ);
        }
        grant(SUBMITTERS, Resources.PROCESS_DEFINITION, FeedbackProcess.KEY, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(SUBMITTERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        // the kansli chases deadlines, so it sees every task, and the instances behind them in Cockpit
        grant(KANSLI, Resources.TASK, ANY, Permissions.READ);
        for (String watcher : List.of(KANSLI, MANAGERS)) {
            grant(watcher, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(watcher, Resources.PROCESS_DEFINITION, FeedbackProcess.KEY, Permissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
            grant(watcher, Resources.DECISION_DEFINITION, FeedbackProcess.ROUTING_DECISION, Permissions.READ,
                    Permissions.READ_HISTORY);
        }
    }

    private static List<String> everyRole() {
        var groups = new java.util.ArrayList<>(List.of(SUBMITTERS, KANSLI, MANAGERS));
        groups.addAll(EXPERT_GROUPS);
        groups.addAll(APPROVERS);
        return groups;
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).list().stream()
                .findFirst().orElseGet(() -> {
                    Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                    created.setGroupId(group);
                    created.setResource(resource);
                    created.setResourceId(resourceId);
                    return created;
                });
        boolean missing = false;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
