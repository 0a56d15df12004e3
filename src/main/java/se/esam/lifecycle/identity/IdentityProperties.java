package se.esam.lifecycle.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * People, groups and member organisations to load into the identity store (the demo's come from
 * {@code config/demo/identity.yaml}).
 *
 * @param demoPasswords every user's password is their user name; only ever true in the demo profile
 */
@ConfigurationProperties("guidance.identity")
record IdentityProperties(
        boolean demoPasswords, List<Organisation> organisations, List<Group> groups, List<User> users) {

    IdentityProperties {
        organisations = organisations == null ? List.of() : organisations;
        groups = groups == null ? List.of() : groups;
        users = users == null ? List.of() : users;
    }

    record Organisation(String id, String name) {}

    record Group(String id, String name) {}

    record User(String id, String firstName, String lastName, String email, String organisation, List<String> groups) {

        User {
            groups = groups == null ? List.of() : groups;
        }
    }
}
