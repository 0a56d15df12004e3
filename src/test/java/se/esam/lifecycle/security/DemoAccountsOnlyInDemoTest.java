package se.esam.lifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.esam.lifecycle.GuidanceLifecycleApplication;

/** No default password outside the demo: a non-demo start with demo accounts configured is refused. */
class DemoAccountsOnlyInDemoTest {

    @Test
    void productionStartWithDemoAccountsConfiguredIsRefusedWithAClearMessage() {
        SpringApplicationBuilder production = new SpringApplicationBuilder(GuidanceLifecycleApplication.class)
                .profiles("production")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=jdbc:h2:mem:refused;DB_CLOSE_DELAY=-1",
                        "camunda.bpm.job-execution.enabled=false",
                        "spring.mail.host=127.0.0.1",
                        "camunda.bpm.generate-unique-process-engine-name=true",
                        "guidance.identity.demo-passwords=true",
                        "guidance.identity.users[0].id=anna",
                        "guidance.identity.users[0].groups[0]=submitters");

        // a command-line argument: ./config/application.yaml outranks the builder's default properties
        assertThatThrownBy(() -> production.run("--server.port=0")).satisfies(thrown -> {
            Throwable root = thrown;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root).hasMessageContaining("demo profile is not active");
        });
    }

    @Test
    void demoStartWithDemoAccountsRuns() {
        try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(GuidanceLifecycleApplication.class)
                .profiles("demo")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=jdbc:h2:mem:demo-ok;DB_CLOSE_DELAY=-1",
                        "camunda.bpm.job-execution.enabled=false",
                        "spring.mail.host=127.0.0.1",
                        "camunda.bpm.generate-unique-process-engine-name=true",
                        "guidance.mail.outbox-folder=")
                .run("--server.port=0")) {
            assertThat(demo.getBean(org.camunda.bpm.engine.IdentityService.class)
                            .checkPassword("anna", "anna"))
                    .isTrue();
        }
    }
}
