package se.esam.lifecycle.feedback;

import static org.hamcrest.Matchers.endsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.esam.lifecycle.security.WebSecurityForSlices.signedIn;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import se.esam.lifecycle.security.WebSecurityForSlices;
import se.esam.lifecycle.support.People;

/**
 * The feedback API's web layer alone: request mapping, validation, the problem details, and the
 * application's real security chains ({@link WebSecurityForSlices}). Intake and queries are stubbed Spring
 * beans, so what is tested here is what the controller and the web layer do with a request, not what
 * becomes of a submission: that is {@link FeedbackApiIT}'s (real HTTP, engine and database).
 */
@WebMvcTest(FeedbackController.class)
@Import(WebSecurityForSlices.class)
class FeedbackApiSliceTest {

    private static final String VALID = """
            {"guidanceId":"digital-samverkan","guidanceVersion":"4.1","sectionId":"2.1",
             "type":"GAP","description":"Avsnittet saknar ett exempel."}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    FeedbackIntake intake;

    @MockitoBean
    FeedbackQueries queries;

    @Test
    void nobodySignedInIs401WithAProblemDetail() throws Exception {
        mvc.perform(submission(VALID))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/feedback")).andExpect(status().isUnauthorized());
        verifyNoInteractions(intake, queries);
    }

    @Test
    void aMissingDescriptionIs400NamingTheField() throws Exception {
        mvc.perform(submission(VALID.replace("\"Avsnittet saknar ett exempel.\"", "\"  \""))
                        .with(signedIn(People.ANNA))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("description"));
        verifyNoInteractions(intake);
    }

    @Test
    void anUnknownFeedbackTypeIs400NamingTheField() throws Exception {
        mvc.perform(submission(VALID.replace("\"GAP\"", "\"COMPLAINT\""))
                        .with(signedIn(People.ANNA))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        verifyNoInteractions(intake);
    }

    @Test
    void aMalformedIdempotencyKeyIs400NamingTheHeader() throws Exception {
        mvc.perform(submission(VALID)
                        .header("Idempotency-Key", "två ord")
                        .with(signedIn(People.ANNA))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        verifyNoInteractions(intake);
    }

    @Test
    void aMalformedReferenceIs400NamingIt() throws Exception {
        mvc.perform(get("/api/feedback/{reference}", "inte-en-referens").with(signedIn(People.ANNA)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reference"));
        verifyNoInteractions(queries);
    }

    @Test
    void aSignedInBrowserWithoutTheCsrfTokenIs403() throws Exception {
        mvc.perform(submission(VALID).with(signedIn(People.ANNA)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(intake);
    }

    @Test
    void anAcceptedSubmissionIs201WithItsLocationAndWhetherItWasReplayed() throws Exception {
        when(intake.submit(any(), any(), eq("retry-1"))).thenReturn(new FeedbackIntake.Submitted("FB-2026-0001", true));
        mvc.perform(submission(VALID)
                        .header("Idempotency-Key", "retry-1")
                        .with(signedIn(People.ANNA))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/feedback/FB-2026-0001")))
                .andExpect(header().string("Idempotent-Replayed", "true"));
    }

    private static MockHttpServletRequestBuilder submission(String json) {
        return post("/api/feedback").contentType(MediaType.APPLICATION_JSON).content(json);
    }
}
