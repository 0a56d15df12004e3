package se.esam.lifecycle.revision;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.esam.lifecycle.security.WebSecurityForSlices.signedIn;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.security.WebSecurityForSlices;
import se.esam.lifecycle.support.People;

/**
 * The revision API's web layer alone: request mapping, validation, the problem details and the application's
 * real security chains ({@link WebSecurityForSlices}); the revision's service, reading rules, approval and the
 * directory are stubbed beans. What becomes of a decision (four eyes, the process, the published version) is
 * {@link RevisionProcessTest}'s and {@link RevisionPublicationIT}'s.
 */
@WebMvcTest(RevisionController.class)
@Import(WebSecurityForSlices.class)
class RevisionApiSliceTest {

    private static final Revision AWAITING_APPROVAL = new Revision(
            7,
            "digital-samverkan",
            "4.1",
            RevisionStatus.AWAITING_APPROVAL,
            ChangeClass.EDITORIAL,
            "Avsnitt 3 förtydligat.",
            null,
            List.of(People.ERIK.id()),
            null,
            "process-7",
            null,
            Instant.parse("2026-12-01T09:00:00Z"),
            null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RevisionService revisions;

    @MockitoBean
    Directory directory;

    @MockitoBean
    RevisionApproval approval;

    @MockitoBean
    RevisionReading reading;

    @Test
    void nobodySignedInIs401WithAProblemDetail() throws Exception {
        mvc.perform(get("/api/revisions"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(approvalOf("REV-7", "{\"decision\":\"approve\"}").with(csrf()))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(revisions, approval, reading);
    }

    @Test
    void aDecisionOtherThanApproveOrReturnIs400NamingTheField() throws Exception {
        mvc.perform(approvalOf("REV-7", "{\"decision\":\"maybe\"}")
                        .with(signedIn(People.MARIA))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("decision"));
        verifyNoInteractions(approval, revisions);
    }

    @Test
    void aBlankConsultationResponseIs400NamingTheField() throws Exception {
        mvc.perform(post("/api/revisions/{id}/consultation-responses", "REV-7")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"response\":\"   \"}")
                        .with(signedIn(People.ANNA))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("response"));
        verifyNoInteractions(revisions);
    }

    @Test
    void anIdOutsideTheGrammarIs400NamingIt() throws Exception {
        for (String id : List.of("REV-07", "REV--1", "revision-7", "99999999999999999999")) {
            mvc.perform(get("/api/revisions/{id}", id).with(signedIn(People.KARIN)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("id"));
        }
        verifyNoInteractions(revisions);
    }

    @Test
    void theAuditTrailIsRefusedToASubmitterWith403() throws Exception {
        mvc.perform(get("/api/revisions/{id}/audit", "REV-7").with(signedIn(People.ANNA)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(revisions);
    }

    @Test
    void aSignedInBrowserWithoutTheCsrfTokenIs403() throws Exception {
        mvc.perform(approvalOf("REV-7", "{\"decision\":\"approve\"}").with(signedIn(People.MARIA)))
                .andExpect(status().isForbidden());
        verifyNoInteractions(approval);
    }

    @Test
    void aRevisionThePersonMayNotReadIs404AsIfItWereNotThere() throws Exception {
        when(revisions.get(7)).thenReturn(AWAITING_APPROVAL);
        when(reading.of(any(), any())).thenReturn(RevisionReading.Level.NONE);
        mvc.perform(get("/api/revisions/{id}", "REV-7").with(signedIn(People.OLOF)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anApprovalIsDecidedAsTheSignedInPersonAndAnswersWithTheRevision() throws Exception {
        when(revisions.get(anyLong())).thenReturn(AWAITING_APPROVAL);
        when(reading.of(any(), any())).thenReturn(RevisionReading.Level.WORKING);
        mvc.perform(approvalOf("7", "{\"decision\":\"approve\",\"comments\":\"Bra.\"}")
                        .with(signedIn(People.MARIA))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("REV-7"))
                .andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"))
                .andExpect(jsonPath("$.changeClass").value("EDITORIAL"));
        verify(approval).decide(7, People.MARIA.id(), "approve", "Bra.");
    }

    /** Who decides is the signed-in person: a body that names someone is refused, not read. */
    @Test
    void anApprovalThatNamesAPersonIs400NamingTheUnknownField() throws Exception {
        mvc.perform(approvalOf("REV-7", "{\"decision\":\"approve\",\"person\":\"erik\"}")
                        .with(signedIn(People.MARIA))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("person"));
        verifyNoInteractions(approval);
    }

    private static MockHttpServletRequestBuilder approvalOf(String id, String json) {
        return post("/api/revisions/{id}/approval", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }
}
