package se.esam.lifecycle.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Camunda's permission check sends a person's groups along in its SQL ({@code group_id_ in (...)}). Before that, in
 * every command, it first reads every group named anywhere in {@code act_ru_authorization}
 * ({@code select distinct group_id_}) and keeps only the person's groups among them, to keep that list short for
 * people in hundreds of groups. Here a person has a handful, and the table has a row or two for every open task and
 * feedback item: with 100,000 open tasks that first read was a whole-table scan of some 300,000 rows, 40 to 80 ms of
 * every request, more than the task list itself (docs/benchmark-lifecycle.md).
 *
 * <p>Up to {@link #PASS_THROUGH_UP_TO} groups are passed on as given. The answer is the same: a group without any
 * authorization matches no row of the check either way; only the extra read is gone. A person in more groups is
 * still filtered as Camunda does. (CIBSeven has this as {@code authGroupFilterThreshold}; Camunda 7.24 has no setting.)
 */
@Component
class AuthorizationGroupsAsGiven extends AbstractProcessEnginePlugin {

    /** Far above what anyone here has (an organisation, a role or two, an expert group or two). */
    static final int PASS_THROUGH_UP_TO = 50;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        // registered under Camunda's type, so that every lookup of the authorization manager gets this one
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new GroupsAsGiven();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    static final class GroupsAsGiven extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds != null
                    && !authenticatedGroupIds.isEmpty()
                    && authenticatedGroupIds.size() <= PASS_THROUGH_UP_TO) {
                return new ArrayList<>(authenticatedGroupIds);
            }
            return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
        }
    }
}
