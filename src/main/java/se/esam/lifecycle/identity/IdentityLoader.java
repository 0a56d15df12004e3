package se.esam.lifecycle.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the configured organisations, groups and users into Camunda's identity store. Existing entries
 * are kept as they are, so that changes made in Admin survive a restart.
 */
@Component
@Order(1)
class IdentityLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityLoader.class);

    static final String DEMO_PROFILE = "demo";

    private final IdentityService identity;
    private final IdentityProperties properties;
    private final org.springframework.core.env.Environment environment;

    IdentityLoader(
            IdentityService identity,
            IdentityProperties properties,
            org.springframework.core.env.Environment environment) {
        this.identity = identity;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demoPasswords() && !environment.matchesProfiles(DEMO_PROFILE)) {
            throw new IllegalStateException("Demo accounts (password = user name) are configured "
                    + "(guidance.identity.demo-passwords) but the demo profile is not active: refusing to start. "
                    + "Remove the demo identity configuration outside the demo.");
        }
        for (IdentityProperties.Organisation organisation : properties.organisations()) {
            ensureGroup(organisation.id(), organisation.name(), Directory.ORGANISATION_TYPE);
        }
        for (IdentityProperties.Group group : properties.groups()) {
            ensureGroup(group.id(), group.name(), Directory.ROLE_TYPE);
        }
        int created = 0;
        for (IdentityProperties.User user : properties.users()) {
            if (identity.createUserQuery().userId(user.id()).count() > 0) {
                continue;
            }
            if (!properties.demoPasswords()) {
                throw new IllegalStateException("User " + user.id() + " is configured without a password source: "
                        + "outside the demo profile users come from the identity provider, not from configuration");
            }
            User created_ = identity.newUser(user.id());
            created_.setFirstName(user.firstName());
            created_.setLastName(user.lastName());
            created_.setEmail(user.email());
            created_.setPassword(user.id());
            identity.saveUser(created_);
            if (user.organisation() != null) {
                identity.createMembership(user.id(), user.organisation());
            }
            for (String group : user.groups()) {
                identity.createMembership(user.id(), group);
            }
            created++;
        }
        if (created > 0) {
            log.info("Identity store: {} users created from configuration", created);
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
    }
}
