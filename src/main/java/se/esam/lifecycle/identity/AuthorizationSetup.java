package se.esam.lifecycle.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each role may do in the engine, granted at every start (missing grants are added, nothing is
 * taken away). Grants on a feature's own processes live with the feature and use {@link #grant}. Task
 * access is not here: the engine grants it to a task's candidate group and assignee.
 */
@Component
@Order(2)
public class AuthorizationSetup implements ApplicationRunner {

    private final AuthorizationService authorizations;

    AuthorizationSetup(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Resource resource : Resources.values()) {
            grant(Roles.ADMINS, resource, ANY, Permissions.ALL);
        }
        for (String group : Roles.ALL) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        grant(Roles.SUBMITTERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        // the kansli chases deadlines and managers follow the work: both see every task and, in Cockpit,
        // the instances behind them; reading only (no UPDATE, DELETE or TASK_WORK anywhere)
        for (String watcher : List.of(Roles.KANSLI, Roles.MANAGERS)) {
            grant(watcher, Resources.TASK, ANY, Permissions.READ);
            grant(watcher, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        }
    }

    /** Takes permissions an earlier version granted and the group should no longer have; idempotent. */
    public void revoke(String group, Resource resource, String resourceId, Permission... permissions) {
        for (Authorization authorization : authorizations
                .createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .authorizationType(AUTH_TYPE_GRANT)
                .list()) {
            boolean granted = false;
            for (Permission permission : permissions) {
                if (authorization.isPermissionGranted(permission)) {
                    authorization.removePermission(permission);
                    granted = true;
                }
            }
            if (granted) {
                authorizations.saveAuthorization(authorization);
            }
        }
    }

    /** Adds the permissions the group lacks on the resource; idempotent. */
    public void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        grant(null, group, resource, resourceId, permissions);
    }

    /** Adds the permissions the user lacks on the resource (one process instance, say); idempotent. */
    public void grantToUser(String user, Resource resource, String resourceId, Permission... permissions) {
        grant(user, null, resource, resourceId, permissions);
    }

    /** The one "grant what is missing": for a user or for a group, never both. */
    private void grant(String user, String group, Resource resource, String resourceId, Permission... permissions) {
        AuthorizationQuery existing = authorizations
                .createAuthorizationQuery()
                .resourceType(resource)
                .resourceId(resourceId)
                .authorizationType(AUTH_TYPE_GRANT);
        Authorization authorization = (user != null ? existing.userIdIn(user) : existing.groupIdIn(group))
                .list().stream().findFirst().orElseGet(() -> {
                    Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                    created.setUserId(user);
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
