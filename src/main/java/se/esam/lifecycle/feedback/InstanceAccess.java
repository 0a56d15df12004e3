package se.esam.lifecycle.feedback;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Lets the submitter and the routed expert group read this one feedback process (Tasklist shows its
 * variables on their task cards), rather than every feedback process of every organisation.
 */
final class InstanceAccess {

    private InstanceAccess() {}

    static void grantRead(DelegateExecution execution, String userId, String groupId) {
        AuthorizationService authorizations =
                execution.getProcessEngineServices().getAuthorizationService();
        String instance = execution.getProcessInstanceId();
        var existing = authorizations
                .createAuthorizationQuery()
                .resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(instance);
        boolean granted = userId != null
                ? existing.userIdIn(userId).count() > 0
                : existing.groupIdIn(groupId).count() > 0;
        if (granted) {
            return;
        }
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setUserId(userId);
        read.setGroupId(groupId);
        read.setResource(Resources.PROCESS_INSTANCE);
        read.setResourceId(instance);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }
}
