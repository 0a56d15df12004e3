package se.esam.lifecycle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** {@link People} says who is who; the demo's identity file decides it. */
class PeopleMatchTheDemoIdentityTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyPersonHasTheOrganisationAndGroupsOfTheDemoIdentityFile() throws IOException {
        Map<String, Object> file;
        try (InputStream in = Files.newInputStream(Path.of("config/demo/identity.yaml"))) {
            file = new Yaml().load(in);
        }
        var identity = (Map<String, Object>) ((Map<String, Object>) file.get("guidance")).get("identity");
        var users = (List<Map<String, Object>>) identity.get("users");
        for (People.Person person : People.EVERYONE) {
            Map<String, Object> user = users.stream()
                    .filter(u -> person.id().equals(u.get("id")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(person.id() + " is not a demo user"));
            assertThat(user.get("organisation")).as(person.id()).isEqualTo(person.organisation());
            assertThat((List<String>) user.get("groups")).as(person.id()).isEqualTo(person.groups());
        }
        assertThat(People.EVERYONE).hasSize(users.size());
    }
}
