package se.esam.lifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.SharedApplication;
import se.esam.lifecycle.support.TestSmtp;

/**
 * Our OpenAPI document ({@code /v3/api-docs}) tells the truth: real answers of every controller,
 * successes and refusals, each keep the contract of the operation they answered (the status is listed,
 * the content type and the body match), and the report filters are the parameters a client sends.
 */
@SharedApplication
class ApiContractIT {

    static final TestSmtp smtp = TestSmtp.shared();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @LocalServerPort
    int port;

    private String base;
    private ProcessDriver driver;
    private String document;
    private OpenApiContract contract;

    @BeforeAll
    void clients() {
        base = "http://localhost:" + port;
        driver = new ProcessDriver(base);
        HttpAgent.Response docs = HttpAgent.anonymous(base).get("/v3/api-docs");
        assertThat(docs.status()).as("%s", docs).isEqualTo(200);
        document = docs.body();
        contract = OpenApiContract.strict(document, "/");
    }

    @TestFactory
    Stream<DynamicTest> answersOfEveryControllerKeepTheDocumentedContract() {
        List<HttpAgent.Response> answers = new ArrayList<>();
        HttpAgent anna = driver.as("anna");
        HttpAgent anonymous = HttpAgent.anonymous(base);
        Map<String, Object> submission = Map.of(
                "guidanceId",
                "digital-samverkan",
                "guidanceVersion",
                "4.1",
                "sectionId",
                "2",
                "type",
                "GAP",
                "description",
                "Kontraktet för vårt API.");

        // feedback
        HttpAgent.Response created = anna.json("POST", "/api/feedback", submission, "Idempotency-Key", "contract-1");
        answers.add(created);
        String reference = (String) created.json().get("reference");
        answers.add(anna.json("POST", "/api/feedback", Map.of("type", "GAP")));
        answers.add(anna.json(
                "POST",
                "/api/feedback",
                Map.of("guidanceId", "digital-samverkan", "type", "GAP", "description", "Annat innehåll."),
                "Idempotency-Key",
                "contract-1"));
        answers.add(anonymous.json("POST", "/api/feedback", submission));
        answers.add(anna.json("POST", "/api/feedback", "{\"description\":\"" + "x".repeat(2_000_000) + "\"}"));
        answers.add(anna.get("/api/feedback/" + reference));
        answers.add(driver.as("olof").get("/api/feedback/" + reference));
        answers.add(anna.get("/api/feedback"));
        // endorsements: a published item of anna's, endorsed by olof once
        String published = driver.submit("anna", "digital-samverkan", "4.1", "2", "GAP", "Kontraktet, publicerat.");
        driver.routeAndPublishAsIs(published, "expert-architecture");
        HttpAgent olof = driver.as("olof");
        answers.add(olof.json("POST", "/api/feedback/" + published + "/endorsements", Map.of("comment", "Även vi.")));
        answers.add(olof.json("POST", "/api/feedback/" + published + "/endorsements", Map.of()));
        answers.add(anna.json("POST", "/api/feedback/" + published + "/endorsements", Map.of()));
        answers.add(olof.json("POST", "/api/feedback/" + reference + "/endorsements", null));
        answers.add(driver.as("karin").json("POST", "/api/feedback/" + published + "/endorsements", Map.of()));
        answers.add(olof.get("/api/feedback/endorsable?guidanceId=digital-samverkan"));
        answers.add(olof.get("/api/feedback/endorsable?guidanceId=no-such-document"));
        answers.add(driver.as("karin").get("/api/feedback/endorsable"));
        answers.add(driver.as("mats").get("/api/reports/most-endorsed?guidanceId=digital-samverkan"));
        // reports
        HttpAgent mats = driver.as("mats");
        answers.add(mats.get("/api/reports/backlog?from=2026-01&to=2026-12&expertGroup=expert-architecture"));
        answers.add(mats.get("/api/reports/lead-times?guidanceId=digital-samverkan"));
        answers.add(mats.get("/api/reports/outcomes?organisation=org-pensionsmyndigheten"));
        answers.add(mats.get("/api/reports/throughput"));
        answers.add(mats.get("/api/reports/deadlines"));
        answers.add(mats.get("/api/reports/overdue-reviews"));
        answers.add(mats.get("/api/reports/feedback?figure=submitted&month=2026-12"));
        answers.add(mats.get("/api/reports/csv/backlog", "Accept", "text/csv"));
        answers.add(mats.get("/api/reports/backlog?from=not-a-month"));
        answers.add(mats.get("/api/reports/csv/no-such-table"));
        answers.add(anna.get("/api/reports/backlog"));
        answers.add(anonymous.get("/api/reports/backlog"));
        // the register (diarium)
        HttpAgent kansli = driver.as("karin");
        answers.add(kansli.get("/api/register?organisation=org-pensionsmyndigheten&document=digital-samverkan"));
        answers.add(kansli.get("/api/register?format=csv&from=2026-01-01"));
        answers.add(kansli.get("/api/register", "Accept", "text/csv"));
        answers.add(kansli.get("/api/register?from=2026-13-01"));
        answers.add(kansli.get("/api/register/feed?after=0&limit=2"));
        answers.add(kansli.get("/api/register/feed?limit=0"));
        answers.add(anna.get("/api/register"));
        answers.add(anonymous.get("/api/register/feed"));
        // revisions
        HttpAgent karin = driver.as("karin");
        answers.add(karin.get("/api/revisions"));
        answers.add(karin.get("/api/revisions/REV-999999"));
        answers.add(anna.get("/api/revisions/REV-999999/audit"));
        answers.add(driver.as("olof")
                .json(
                        "POST",
                        "/api/revisions/REV-999999/consultation-responses",
                        Map.of("response", "Vi tillstyrker.")));
        answers.add(
                driver.as("maria").json("POST", "/api/revisions/REV-999999/approval", Map.of("decision", "approve")));
        answers.add(driver.as("maria").json("POST", "/api/revisions/REV-999999/approval", Map.of("decision", "maybe")));
        // retention: legal holds, the disposal log and run, a person's data
        answers.add(karin.json("POST", "/api/cases/" + reference + "/legal-hold", Map.of("reason", "Kontraktsprov.")));
        answers.add(karin.json("POST", "/api/cases/" + reference + "/legal-hold", Map.of("reason", "Igen.")));
        answers.add(karin.json("POST", "/api/cases/" + reference + "/legal-hold", Map.of("reason", " ")));
        answers.add(karin.json("POST", "/api/cases/FB-1999-9999/legal-hold", Map.of("reason", "Kontraktsprov.")));
        answers.add(karin.get("/api/retention/legal-holds"));
        answers.add(karin.json("DELETE", "/api/cases/" + reference + "/legal-hold", null));
        answers.add(anna.json("DELETE", "/api/cases/" + reference + "/legal-hold", null));
        answers.add(karin.json("POST", "/api/retention/run", null));
        answers.add(karin.get("/api/retention/log"));
        answers.add(karin.get("/api/people/anna/personal-data"));
        answers.add(karin.get("/api/people/bad_id/personal-data"));
        answers.add(karin.json("POST", "/api/people/nobody-here/erasure", null));
        answers.add(anna.get("/api/people/anna/personal-data"));
        // mail
        answers.add(driver.as("admin").json("POST", "/api/mail/failed/retry", Map.of()));
        answers.add(anna.json("POST", "/api/mail/failed/retry", Map.of()));
        // guidance, public and signed in
        answers.add(anonymous.get("/api/public/guidance"));
        answers.add(anonymous.get("/api/public/guidance/digital-samverkan"));
        answers.add(anonymous.get("/api/public/guidance/digital-samverkan/4.1"));
        answers.add(anonymous.get("/api/public/guidance/digital-samverkan/4.1/dispositions"));
        answers.add(anonymous.get("/api/public/guidance/digital-samverkan/compare?from=4.0&to=4.1"));
        answers.add(anonymous.get("/api/public/guidance/digital-samverkan/compare?from=0.0"));
        answers.add(anonymous.get("/api/public/guidance/no-such-document"));
        answers.add(anna.get("/api/guidance"));
        answers.add(anonymous.get("/api/guidance"));
        answers.add(karin.get("/api/archive/FB-1999-9999"));
        answers.add(karin.get("/api/archive/nonsense"));
        answers.add(karin.get("/api/archive?from=not-a-date&to=2026-12-31"));
        answers.add(anna.get("/api/archive/FB-1999-9999"));
        answers.add(anonymous.get("/api/archive?from=2026-01-01&to=2026-12-31"));
        // follows and the digest setting
        HttpAgent.Response followed =
                anna.json("POST", "/api/follows", Map.of("guidanceId", "digital-samverkan", "sectionId", "3"));
        answers.add(followed);
        answers.add(anna.json("POST", "/api/follows", Map.of("guidanceId", "digital-samverkan", "sectionId", "3")));
        answers.add(anna.json("POST", "/api/follows", Map.of("guidanceId", "digital-samverkan", "sectionId", "99")));
        answers.add(anonymous.json("POST", "/api/follows", Map.of("guidanceId", "digital-samverkan")));
        answers.add(anna.get("/api/follows"));
        answers.add(anna.get("/api/follows/" + followed.json().get("id")));
        answers.add(driver.as("olof").get("/api/follows/" + followed.json().get("id")));
        answers.add(driver.as("olof")
                .json("DELETE", "/api/follows/" + followed.json().get("id"), null));
        answers.add(anna.json("DELETE", "/api/follows/" + followed.json().get("id"), null));
        answers.add(anna.get("/api/settings/digest"));
        answers.add(anna.json("PUT", "/api/settings/digest", Map.of("frequency", "WEEKLY")));
        answers.add(anna.json("PUT", "/api/settings/digest", Map.of("frequency", "HOURLY")));

        assertThat(answers)
                .as("successes and each kind of refusal")
                .anySatisfy(answer -> assertThat(answer.status()).isEqualTo(201))
                .anySatisfy(answer -> assertThat(answer.status()).isEqualTo(200))
                .anySatisfy(answer -> assertThat(answer.status()).isEqualTo(400))
                .anySatisfy(answer -> assertThat(answer.status()).isEqualTo(401))
                .anySatisfy(answer -> assertThat(answer.status()).isEqualTo(403))
                .anySatisfy(answer -> assertThat(answer.status()).isEqualTo(404))
                .anySatisfy(answer -> assertThat(answer.status()).isEqualTo(409))
                .anySatisfy(answer -> assertThat(answer.status()).isEqualTo(413));
        return answers.stream()
                .map(answer -> dynamicTest(
                        answer.method() + " " + answer.path().split("\\?")[0] + " -> " + answer.status(), () -> {
                            assertThat(answer.status()).as("%s", answer).isLessThan(500);
                            assertThat(contract.violationsOf(answer))
                                    .as("%s", answer)
                                    .isEmpty();
                            if (answer.status() >= 400) {
                                assertThat(answer.contentType())
                                        .as("%s", answer)
                                        .startsWith("application/problem+json");
                            }
                        }));
    }

    /** The judge is not blind: an undocumented status and Spring Boot's old error shape are found out. */
    @Test
    void answersThatBreakOurDocumentedContractAreFoundOut() {
        java.net.http.HttpHeaders json = java.net.http.HttpHeaders.of(
                Map.of("Content-Type", List.of("application/json")), (name, value) -> true);
        HttpAgent.Response undocumented = new HttpAgent.Response("GET", "/api/guidance", 418, json, "{}");
        HttpAgent.Response springBootShape = new HttpAgent.Response(
                "GET",
                "/api/public/guidance/x",
                404,
                json,
                "{\"timestamp\":\"2026-12-03T12:00:00Z\",\"status\":404,\"error\":\"Not Found\",\"path\":\"/x\"}");

        assertThat(contract.violationsOf(undocumented)).isNotEmpty();
        assertThat(contract.violationsOf(springBootShape)).isNotEmpty();
    }

    @Test
    void reportFiltersAreDocumentedAsTheQueryParametersClientsSend() {
        Map<String, Object> backlog = operation("/api/reports/backlog", "get");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) backlog.get("parameters");

        assertThat(parameters)
                .extracting(p -> p.get("name"))
                .containsExactlyInAnyOrder("from", "to", "expertGroup", "guidanceId", "organisation");
        assertThat(parameters)
                .allSatisfy(p -> assertThat(p).containsEntry("in", "query").doesNotContainEntry("required", true));
    }

    @Test
    void theRegisterIsDocumentedWithItsFiltersAsJsonAndCsv() {
        Map<String, Object> register = operation("/api/register", "get");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) register.get("parameters");
        @SuppressWarnings("unchecked")
        Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) register.get("responses")).get("200");
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) ok.get("content");

        assertThat(parameters)
                .extracting(p -> p.get("name"))
                .contains("from", "to", "organisation", "document", "format");
        assertThat(content).containsKeys("application/json", "text/csv");
        assertThat(operation("/api/register/feed", "get")).isNotNull();
    }

    @Test
    void submittingFeedbackIsDocumentedAs201WithItsRefusals() {
        Map<String, Object> submit = operation("/api/feedback", "post");
        @SuppressWarnings("unchecked")
        Map<String, Object> responses = (Map<String, Object>) submit.get("responses");

        assertThat(responses).containsKeys("201", "400", "401", "409", "413").doesNotContainKey("200");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> operation(String path, String method) {
        Map<String, Object> api = new HttpAgent.Response("GET", "/v3/api-docs", 200, null, document).json();
        Map<String, Object> item = (Map<String, Object>) ((Map<String, Object>) api.get("paths")).get(path);
        assertThat(item).as(path).isNotNull();
        return (Map<String, Object>) item.get(method);
    }
}
