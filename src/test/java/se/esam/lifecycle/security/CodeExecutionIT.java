package se.esam.lifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.SharedApplication;
import se.esam.lifecycle.support.TestSmtp;

/**
 * No code from data (issue 11, point 1). The published gadget family, JSON {@code Object} variables
 * naming a class that opens a JDBC connection when built and read (Spring's
 * {@code DriverManagerDataSource}, and two more of its kind on our classpath: Spring's
 * {@code SingleConnectionDataSource} and {@code SimpleDriverDataSource}), each with an H2 URL whose {@code INIT} creates a database file and compiles and runs Java
 * that writes a marker file. Sent on every path that takes variables, as a submitter and as an
 * administrator, on {@code /engine-rest} and Tasklist's API: refused (4xx), nothing ran, and a later read
 * of the variables with {@code deserializeValues=true} runs nothing either. First the payloads are shown
 * to be live: built by plain Jackson and read, each one does run its code.
 */
@SharedApplication
class CodeExecutionIT {

    static final TestSmtp smtp = TestSmtp.shared();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENGINE_REST = "/engine-rest";
    private static final String TASKLIST_API = "/camunda/api/engine/engine/default";

    /**
     * A gadget: the class named in the variable, the JSON property that takes the JDBC URL, and what else
     * it needs to connect.
     */
    record Gadget(String className, String urlProperty, Map<String, Object> more) {

        @Override
        public String toString() {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }

    /**
     * Classes on our classpath that Jackson builds from their setters and that connect when read.
     * Hikari's data source and config are left out because Jackson's own deny-list refuses them, and H2's
     * {@code JdbcDataSource} because Jackson cannot build it (two getters for {@code url}): neither could
     * run code, so neither could show that the guard is what stops them.
     */
    static final List<Gadget> GADGETS = List.of(
            new Gadget("org.springframework.jdbc.datasource.DriverManagerDataSource", "url", Map.of()),
            new Gadget("org.springframework.jdbc.datasource.SingleConnectionDataSource", "url", Map.of()),
            new Gadget(
                    "org.springframework.jdbc.datasource.SimpleDriverDataSource",
                    "url",
                    Map.of("driverClass", "org.h2.Driver")));

    @LocalServerPort
    int port;

    private String base;
    private ProcessDriver driver;
    private Path markers;
    private final AtomicInteger count = new AtomicInteger();
    /** The clarification task anna holds, and its process instance: where task and instance paths aim. */
    private String task;

    private String instance;
    private final Map<String, HttpAgent> browsers = new HashMap<>();
    private final Map<String, String> xsrf = new HashMap<>();

    @BeforeAll
    void aTaskAndAProcessToAim() throws IOException {
        base = "http://localhost:" + port;
        driver = new ProcessDriver(base);
        markers = Files.createDirectories(Path.of("target", "gadget-markers").toAbsolutePath());
        String reference = driver.submit("anna", "digital-samverkan", "4.1", "3", "ERROR", "Kodprov: synpunkt.");
        driver.askForClarification(reference, "Kodprov: vilken mening?");
        task = driver.task("anna", "RequestClarification", reference);
        instance = driver.processInstance(reference);
    }

    @TestFactory
    Stream<DynamicNode> eachGadgetRunsItsCodeWhenPlainJacksonBuildsAndReadsIt() {
        return GADGETS.stream()
                .map(gadget -> dynamicTest(gadget.toString(), () -> {
                    Path marker = newMarker();
                    DataSource built =
                            (DataSource) JSON.readValue(payload(gadget, marker), Class.forName(gadget.className()));
                    try (Connection connection = built.getConnection()) {
                        assertThat(connection).isNotNull();
                    } catch (SQLException marked) {
                        // the Java ran and H2 reports what it returned: what counts is the marker it left
                    } finally {
                        if (built instanceof AutoCloseable closeable) {
                            closeable.close();
                        }
                    }
                    assertThat(ranCode(marker))
                            .as("the payload of %s is live: it ran when built and read", gadget)
                            .isTrue();
                }));
    }

    @TestFactory
    Stream<DynamicContainer> noGadgetRunsCodeOnAnyVariablePathForASubmitterOrAnAdministrator() {
        assertThat(PATHS).isNotEmpty();
        return GADGETS.stream()
                .map(gadget -> dynamicContainer(
                        gadget.toString(),
                        Stream.of("anna", "admin")
                                .map(role -> dynamicContainer(
                                        "as " + role,
                                        Stream.of(ENGINE_REST, TASKLIST_API)
                                                .map(surface -> dynamicContainer(
                                                        "on " + surface,
                                                        PATHS.stream()
                                                                .map(path -> dynamicTest(
                                                                        path.name(),
                                                                        () -> refusedAndInert(
                                                                                gadget, role, surface, path)))))))));
    }

    private void refusedAndInert(Gadget gadget, String role, String surface, GadgetPath path) throws IOException {
        Path marker = newMarker();
        Map<String, Object> variable = CamundaVariables.object(gadget.className(), payload(gadget, marker));

        HttpAgent.Response response =
                path.sender().send(agent(role, surface), surface, this, variable, headers(role, surface));

        assertThat(response.status()).as("%s", response).isBetween(400, 499);
        assertThat(ranCode(marker))
                .as("code ran when %s sent %s", role, response)
                .isFalse();
        for (String read : List.of(
                "/process-instance/" + instance + "/variables?deserializeValues=true",
                "/task/" + task + "/variables?deserializeValues=true",
                "/variable-instance?variableName=gadget&deserializeValues=true",
                "/history/variable-instance?variableName=gadget&deserializeValues=true")) {
            HttpAgent.Response later = driver.as("admin").get(ENGINE_REST + read);
            assertThat(later.status()).as("%s", later).isLessThan(500);
        }
        assertThat(ranCode(marker))
                .as("code ran when the variables were read after %s", response)
                .isFalse();
    }

    // --- every path that takes variables

    record GadgetPath(String name, Sender sender) {}

    @FunctionalInterface
    interface Sender {
        HttpAgent.Response send(
                HttpAgent agent, String surface, CodeExecutionIT test, Map<String, Object> gadget, String[] headers);
    }

    /** Completing comes last: were it let through, the task would be gone for nothing else to aim at. */
    static final List<GadgetPath> PATHS = List.of(
            new GadgetPath(
                    "start",
                    (agent, surface, t, gadget, headers) -> agent.json(
                            "POST",
                            surface + "/process-definition/key/guidance-feedback/start",
                            Map.of("variables", startForm(gadget)),
                            headers)),
            new GadgetPath(
                    "start form",
                    (agent, surface, t, gadget, headers) -> agent.json(
                            "POST",
                            surface + "/process-definition/key/guidance-feedback/submit-form",
                            Map.of("variables", startForm(gadget)),
                            headers)),
            new GadgetPath(
                    "PUT task variable",
                    (agent, surface, t, gadget, headers) ->
                            agent.json("PUT", surface + "/task/" + t.task + "/variables/gadget", gadget, headers)),
            new GadgetPath(
                    "PUT task local variable",
                    (agent, surface, t, gadget, headers) ->
                            agent.json("PUT", surface + "/task/" + t.task + "/localVariables/gadget", gadget, headers)),
            new GadgetPath(
                    "POST task variable modifications",
                    (agent, surface, t, gadget, headers) -> agent.json(
                            "POST",
                            surface + "/task/" + t.task + "/variables",
                            Map.of("modifications", Map.of("gadget", gadget)),
                            headers)),
            new GadgetPath(
                    "POST task local variable modifications",
                    (agent, surface, t, gadget, headers) -> agent.json(
                            "POST",
                            surface + "/task/" + t.task + "/localVariables",
                            Map.of("modifications", Map.of("gadget", gadget)),
                            headers)),
            new GadgetPath(
                    "PUT process instance variable",
                    (agent, surface, t, gadget, headers) -> agent.json(
                            "PUT", surface + "/process-instance/" + t.instance + "/variables/gadget", gadget, headers)),
            new GadgetPath(
                    "POST process instance variable modifications",
                    (agent, surface, t, gadget, headers) -> agent.json(
                            "POST",
                            surface + "/process-instance/" + t.instance + "/variables",
                            Map.of("modifications", Map.of("gadget", gadget)),
                            headers)),
            new GadgetPath(
                    "PUT execution local variable",
                    (agent, surface, t, gadget, headers) -> agent.json(
                            "PUT", surface + "/execution/" + t.instance + "/localVariables/gadget", gadget, headers)),
            new GadgetPath(
                    "POST execution local variable modifications",
                    (agent, surface, t, gadget, headers) -> agent.json(
                            "POST",
                            surface + "/execution/" + t.instance + "/localVariables",
                            Map.of("modifications", Map.of("gadget", gadget)),
                            headers)),
            new GadgetPath(
                    "message correlation",
                    (agent, surface, t, gadget, headers) -> agent.json(
                            "POST",
                            surface + "/message",
                            Map.of(
                                    "messageName",
                                    "RevisionRequested",
                                    "processVariables",
                                    Map.of(
                                            "guidanceId",
                                            CamundaVariables.typed("klarsprak-digitala-tjanster"),
                                            "gadget",
                                            gadget)),
                            headers)),
            new GadgetPath(
                    "signal",
                    (agent, surface, t, gadget, headers) -> agent.json(
                            "POST",
                            surface + "/signal",
                            Map.of("name", "Kodprov", "variables", Map.of("gadget", gadget)),
                            headers)),
            new GadgetPath(
                    "resolve",
                    (agent, surface, t, gadget, headers) -> agent.json(
                            "POST",
                            surface + "/task/" + t.task + "/resolve",
                            Map.of(
                                    "variables",
                                    Map.of(
                                            "clarificationAnswer",
                                            CamundaVariables.typed("Kodprov: svar."),
                                            "gadget",
                                            gadget)),
                            headers)),
            new GadgetPath(
                    "complete, in the form's own field",
                    (agent, surface, t, gadget, headers) -> agent.json(
                            "POST",
                            surface + "/task/" + t.task + "/complete",
                            Map.of("variables", Map.of("clarificationAnswer", gadget)),
                            headers)),
            new GadgetPath(
                    "submit-form",
                    (agent, surface, t, gadget, headers) -> agent.json(
                            "POST",
                            surface + "/task/" + t.task + "/submit-form",
                            Map.of(
                                    "variables",
                                    Map.of(
                                            "clarificationAnswer",
                                            CamundaVariables.typed("Kodprov: svar."),
                                            "gadget",
                                            gadget)),
                            headers)));

    private static Map<String, Object> startForm(Map<String, Object> gadget) {
        return Map.of(
                "guidanceId",
                CamundaVariables.typed("digital-samverkan"),
                "feedbackType",
                CamundaVariables.typed("GAP"),
                "description",
                gadget);
    }

    // --- the payload and its marker

    /**
     * An H2 URL whose INIT, when a connection is opened, creates the marker's database file and
     * compiles and runs Java that writes the marker file itself.
     */
    private static String payload(Gadget gadget, Path marker) {
        // every ';' inside INIT is escaped, or H2 would take it for the end of the setting
        String java = "void mark() throws Exception { java.nio.file.Files.createFile(java.nio.file.Path.of(\""
                + marker.resolve("ran") + "\")); }";
        String alias =
                "GADGET_" + marker.getFileName().toString().replace('-', '_').toUpperCase();
        String url = "jdbc:h2:file:" + marker.resolve("db") + ";INIT=CREATE ALIAS IF NOT EXISTS " + alias + " AS $$ "
                + java.replace(";", "\\;") + " $$\\;CALL " + alias + "()";
        Map<String, Object> properties = new HashMap<>(gadget.more());
        properties.put(gadget.urlProperty(), url);
        return CamundaVariables.json(properties);
    }

    private Path newMarker() {
        try {
            return Files.createDirectories(
                    markers.resolve("m-" + ProcessHandle.current().pid() + "-" + count.incrementAndGet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Anything in the marker's folder: the database the URL opens, or the file its Java writes. */
    private static boolean ranCode(Path marker) {
        try (Stream<Path> files = Files.list(marker)) {
            List<Path> found = new ArrayList<>(files.toList());
            return !found.isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- who is asking

    private HttpAgent agent(String role, String surface) {
        return surface.equals(ENGINE_REST) ? driver.as(role) : browser(role);
    }

    private String[] headers(String role, String surface) {
        if (surface.equals(ENGINE_REST)) {
            return new String[0];
        }
        browser(role);
        return new String[] {"X-XSRF-TOKEN", xsrf.get(role)};
    }

    private HttpAgent browser(String role) {
        return browsers.computeIfAbsent(role, user -> {
            HttpAgent browser = HttpAgent.signedIn(base, user, user);
            xsrf.put(user, browser.openWebapps());
            return browser;
        });
    }
}
