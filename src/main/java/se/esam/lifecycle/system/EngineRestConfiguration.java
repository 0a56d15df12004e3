package se.esam.lifecycle.system;

import java.util.stream.Collectors;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API ({@code /engine-rest}) and the webapps' engine API that Tasklist calls
 * ({@code /camunda/api/engine}) are two Jersey applications with their own providers; both get
 * {@link CamundaErrors}, so a refusal reads the same whichever a client uses.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

    @Bean
    CamundaJerseyResourceConfig engineRestResources() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                CamundaErrors.providers().forEach(this::register);
            }
        };
    }

    /**
     * The webapps' Jersey servlets are made from their application class with no hook of ours; Jersey takes
     * the servlet context's attributes as properties of each application it starts (on its first request), so
     * the providers one names are added.
     * The webapps' other APIs (Cockpit, Admin) speak Camunda's dialect too, so they may share them.
     */
    @Bean
    ServletContextInitializer webappEngineApiSpeaksCamundasDialect() {
        return context -> context.setAttribute(
                ServerProperties.PROVIDER_CLASSNAMES,
                CamundaErrors.providers().stream().map(Class::getName).collect(Collectors.joining(",")));
    }
}
