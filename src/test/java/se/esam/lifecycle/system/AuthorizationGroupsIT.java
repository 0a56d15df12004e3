package se.esam.lifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.SharedApplication;
import se.esam.lifecycle.support.TestSmtp;

/**
 * The engine's permission check takes a person's few groups as given instead of first reading every group named in
 * {@code act_ru_authorization} ({@link AuthorizationGroupsAsGiven}); with many groups it still filters them as
 * Camunda does. What each person may see and do is unchanged: that is AuthorizationMatrixIT's and TamperingIT's.
 */
@SharedApplication
class AuthorizationGroupsIT {

    static final TestSmtp smtp = TestSmtp.shared();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @Autowired
    ProcessEngine engine;

    @Test
    void aPersonsFewGroupsGoToThePermissionCheckAsGivenWithoutReadingEveryAuthorizedGroup() {
        List<String> groups = List.of("expert-architecture", "org-skatteverket", "a-group-with-no-authorization");

        assertThat(filtered(groups)).containsExactlyElementsOf(groups);
    }

    @Test
    void aPersonInVeryManyGroupsIsStillFilteredToTheGroupsThatHaveAuthorizations() {
        List<String> groups = new ArrayList<>(IntStream.rangeClosed(1, AuthorizationGroupsAsGiven.PASS_THROUGH_UP_TO)
                .mapToObj(n -> "no-authorization-" + n)
                .toList());
        groups.add("expert-architecture");

        assertThat(filtered(groups)).containsExactly("expert-architecture");
    }

    private List<String> filtered(List<String> groups) {
        Command<List<String>> filter =
                context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(groups);
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired()
                .execute(filter);
    }
}
