package se.esam.lifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.LinkedFiles;
import se.esam.lifecycle.support.SharedApplication;

/**
 * What a browser may keep: the webapps' scripts, style sheets and translations, which are the same for everyone,
 * are kept and asked about before each use (answered 304 while unchanged), so a reviewer's browser no longer fetches
 * Tasklist's 4.3 MB of scripts at every load. Everything that holds a person's data, or that only a signed-in
 * person may see, is never stored: pages, each app's page, our API, Camunda's REST API and the webapps' API.
 */
@SharedApplication
class CachingIT {

    @LocalServerPort
    int port;

    private String base;
    private HttpAgent karin;

    @BeforeAll
    void signIn() {
        base = HttpAgent.local(port);
        karin = HttpAgent.signedIn(base, "karin", "karin");
    }

    @Test
    void theFilesTasklistLoadsAtStartAreKeptButAskedAboutBeforeEachUse() {
        List<String> files = LinkedFiles.webappAtStart(karin, "tasklist");
        // the plugins' scripts come through the webapps' API, which answers with data, not files (and sends no
        // Last-Modified); they are small
        files.removeIf(file -> file.startsWith("/camunda/api/"));
        files.add("/camunda/app/tasklist/locales/sv.json");
        files.add("/camunda/app/tasklist/scripts/config.js");
        for (String file : files) {
            HttpAgent.Response first = karin.get(file);
            assertThat(first.status()).as(file).isEqualTo(200);
            assertThat(first.allHeaders("Cache-Control")).as(file).containsExactly("private, no-cache");
            String lastModified =
                    first.header("Last-Modified").orElseThrow(() -> new AssertionError("no Last-Modified: " + file));

            HttpAgent.Response again = karin.get(file, "If-Modified-Since", lastModified);
            assertThat(again.status()).as("asked again about " + file).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
    }

    @Test
    void pagesAndAnswersThatHoldDataAreNeverStored() {
        HttpAgent karinsApi = HttpAgent.basic(base, "karin", "karin");
        Map<String, HttpAgent.Response> answers = Map.of(
                "Tasklist's page", karin.get("/camunda/app/tasklist/default/"),
                "the webapps' API", karin.get("/camunda/api/engine/engine/default/task/count"),
                "a page of ours", karin.get("/feedback"),
                "our API", karinsApi.get("/api/feedback"),
                "Camunda's REST API", karinsApi.get("/engine-rest/task/count"));
        answers.forEach((what, answer) -> {
            assertThat(answer.status()).as(what).isEqualTo(200);
            assertThat(answer.header("Cache-Control"))
                    .as(what)
                    .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        });
    }

    @Test
    void aScriptAskedForWithoutSigningInIsRefusedAndNotStored() {
        HttpAgent.Response answer = HttpAgent.anonymous(base).get("/camunda/lib/deps.js");

        assertThat(answer.status()).as("sent to the sign-in").isEqualTo(302);
        assertThat(answer.location()).contains("/login");
        assertThat(answer.header("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }
}
