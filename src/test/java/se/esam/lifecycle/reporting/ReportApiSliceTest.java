package se.esam.lifecycle.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.esam.lifecycle.security.WebSecurityForSlices.signedIn;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import se.esam.lifecycle.security.WebSecurityForSlices;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.People.Person;

/**
 * The reports API's web layer alone: who may ask (managers and administrators), how the filter's
 * parameters are read and refused, and the CSV answer, with the application's real security chains
 * ({@link WebSecurityForSlices}) and the real {@link ReportService}. The queries are a stubbed Spring bean:
 * the figures themselves are {@link ReportFiguresIT}'s (real HTTP on PostgreSQL).
 */
@WebMvcTest(ReportController.class)
@Import({WebSecurityForSlices.class, ReportService.class})
class ReportApiSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReportQueries queries;

    @Test
    void nobodySignedInIs401() throws Exception {
        mvc.perform(get("/api/reports/throughput"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(queries);
    }

    @Test
    void submittersKansliAndExpertsAre403() throws Exception {
        for (Person person : List.of(People.ANNA, People.KARIN, People.ERIK, People.MARIA)) {
            mvc.perform(get("/api/reports/throughput").with(signedIn(person)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        verifyNoInteractions(queries);
    }

    @Test
    void managersAndAdministratorsGetTheReportForThePeriodAsked() throws Exception {
        when(queries.throughput(any())).thenReturn(List.of());
        for (Person person : List.of(People.MATS, People.ADMIN)) {
            mvc.perform(get("/api/reports/throughput?from=2025-01&to=2025-06").with(signedIn(person)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$").isArray());
        }
        ArgumentCaptor<ReportFilter> filter = ArgumentCaptor.forClass(ReportFilter.class);
        verify(queries, org.mockito.Mockito.times(2)).throughput(filter.capture());
        assertThat(filter.getValue().from()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(filter.getValue().to()).isEqualTo(YearMonth.of(2025, 6));
    }

    @Test
    void aMalformedMonthIs400NamingTheParameter() throws Exception {
        mvc.perform(get("/api/reports/backlog?to=2025-13").with(signedIn(People.MATS)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        verifyNoInteractions(queries);
    }

    @Test
    void aPeriodThatEndsBeforeItBeginsIs400NamingFrom() throws Exception {
        mvc.perform(get("/api/reports/outcomes?from=2025-06&to=2025-01").with(signedIn(People.MATS)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        verifyNoInteractions(queries);
    }

    @Test
    void aMalformedExpertGroupIs400NamingIt() throws Exception {
        mvc.perform(get("/api/reports/deadlines?expertGroup=<script>").with(signedIn(People.MATS)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expertGroup"));
        verifyNoInteractions(queries);
    }

    @Test
    void overdueReviewsAreForManagersAndTakeTheFiltersGroup() throws Exception {
        when(queries.overdueReviews(any())).thenReturn(List.of());
        mvc.perform(get("/api/reports/overdue-reviews?expertGroup=expert-law").with(signedIn(People.MATS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray());
        ArgumentCaptor<ReportFilter> filter = ArgumentCaptor.forClass(ReportFilter.class);
        verify(queries).overdueReviews(filter.capture());
        assertThat(filter.getValue().expertGroup()).isEqualTo("expert-law");
        mvc.perform(get("/api/reports/overdue-reviews").with(signedIn(People.ERIK)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/overdue-reviews?guidanceId=<x>").with(signedIn(People.MATS)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("guidanceId"));
    }

    @Test
    void anUnknownCsvTableIs400NamingTheTable() throws Exception {
        mvc.perform(get("/api/reports/csv/salaries").with(signedIn(People.MATS)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("table"));
        verifyNoInteractions(queries);
    }

    @Test
    void aCsvTableIsAnAttachmentNamedAfterIt() throws Exception {
        when(queries.throughput(any())).thenReturn(List.of());
        mvc.perform(get("/api/reports/csv/throughput").with(signedIn(People.MATS)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"throughput.csv\""));
    }
}
