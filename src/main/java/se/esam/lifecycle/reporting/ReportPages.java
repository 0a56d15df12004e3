package se.esam.lifecycle.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.esam.lifecycle.feedback.FeedbackType;
import se.esam.lifecycle.guidance.GuidanceCatalogue;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.system.InvalidInputException;

/** The reports page for managers: tables beside charts, every figure a link to the items behind it. */
@Controller
class ReportPages {

    private final ReportService reports;
    private final GuidanceCatalogue catalogue;
    private final Directory directory;
    private final ObjectMapper json;

    ReportPages(ReportService reports, GuidanceCatalogue catalogue, Directory directory, ObjectMapper json) {
        this.reports = reports;
        this.catalogue = catalogue;
        this.directory = directory;
        this.json = json;
    }

    @GetMapping("/reports")
    String reports(@ModelAttribute ReportController.FilterParams params, Model model) {
        ReportFilter filter = filter(params, model);
        Reports.Backlog backlog = reports.backlog(filter);
        Reports.LeadTimes leadTimes = reports.leadTimes(filter);
        Reports.Outcomes outcomes = reports.outcomes(filter);
        List<Reports.ThroughputRow> throughput = reports.throughput(filter);
        model.addAttribute("backlog", backlog);
        model.addAttribute("leadTimes", leadTimes);
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("throughput", throughput);
        model.addAttribute("deadlines", reports.deadlines(filter));
        model.addAttribute("overdueReviews", reports.overdueReviews(filter));
        model.addAttribute("mostEndorsed", reports.mostEndorsed(filter));
        model.addAttribute(
                "backlogChart",
                chart(
                        "bar",
                        false,
                        backlog.rows().stream()
                                .map(r -> r.stage().label()
                                        + (r.expertGroup() == null ? "" : " – " + directory.groupName(r.expertGroup())))
                                .toList(),
                        series(
                                "Öppna",
                                backlog.rows().stream()
                                        .map(r -> (Number) r.open())
                                        .toList()),
                        series(
                                "Försenade",
                                backlog.rows().stream()
                                        .map(r -> (Number) r.overdue())
                                        .toList())));
        model.addAttribute(
                "leadTimeChart",
                chart(
                        "line",
                        false,
                        leadTimes.toDispositionByMonth().stream()
                                .map(Reports.LeadTime::month)
                                .toList(),
                        series(
                                "Median, dagar till ställningstagande",
                                leadTimes.toDispositionByMonth().stream()
                                        .map(l -> (Number) l.medianDays())
                                        .toList()),
                        series(
                                "90:e percentilen",
                                leadTimes.toDispositionByMonth().stream()
                                        .map(l -> (Number) l.p90Days())
                                        .toList())));
        @SuppressWarnings("unchecked")
        Map<String, String> names = (Map<String, String>) model.getAttribute("names");
        model.addAttribute(
                "outcomeChart",
                chart(
                        "bar",
                        true,
                        outcomes.byType().stream()
                                .map(o -> names.getOrDefault(o.key(), o.key()))
                                .toList(),
                        series(
                                "Godtagna",
                                outcomes.byType().stream()
                                        .map(o -> (Number) o.accepted())
                                        .toList()),
                        series(
                                "Avslagna",
                                outcomes.byType().stream()
                                        .map(o -> (Number) o.rejected())
                                        .toList()),
                        series(
                                "Vilande",
                                outcomes.byType().stream()
                                        .map(o -> (Number) o.held())
                                        .toList()),
                        series(
                                "Dubbletter",
                                outcomes.byType().stream()
                                        .map(o -> (Number) o.duplicate())
                                        .toList()),
                        series(
                                "Utanför uppdraget",
                                outcomes.byType().stream()
                                        .map(o -> (Number) o.outOfScope())
                                        .toList()),
                        series(
                                "Obesvarade",
                                outcomes.byType().stream()
                                        .map(o -> (Number) o.unanswered())
                                        .toList())));
        model.addAttribute(
                "throughputChart",
                chart(
                        "line",
                        false,
                        throughput.stream().map(Reports.ThroughputRow::month).toList(),
                        series(
                                "Inlämnade",
                                throughput.stream()
                                        .map(t -> (Number) t.submitted())
                                        .toList()),
                        series(
                                "Beslutade",
                                throughput.stream()
                                        .map(t -> (Number) t.decided())
                                        .toList()),
                        series(
                                "Publicerade",
                                throughput.stream()
                                        .map(t -> (Number) t.published())
                                        .toList())));
        return "reporting/reports";
    }

    @GetMapping("/reports/feedback")
    String feedback(
            @ModelAttribute ReportController.FilterParams params,
            @RequestParam(required = false) String figure,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String type,
            Model model) {
        ReportFilter filter = filter(params, model);
        Drill drill = Drill.of(figure, month, stage, outcome, type);
        model.addAttribute("drill", drill);
        model.addAttribute("list", reports.feedback(filter, drill));
        return "reporting/feedback";
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInputException e, Model model) {
        model.addAttribute("message", e.field() + ": " + e.getMessage());
        return "reporting/invalid";
    }

    private ReportFilter filter(ReportController.FilterParams p, Model model) {
        ReportFilter filter = reports.filter(p.from(), p.to(), p.expertGroup(), p.guidanceId(), p.organisation());
        model.addAttribute("filter", filter);
        model.addAttribute("links", new DrillLinks(filter));
        Map<String, String> groups = new LinkedHashMap<>();
        Roles.EXPERT_GROUPS.forEach(g -> groups.put(g, directory.groupName(g)));
        model.addAttribute("groups", groups);
        model.addAttribute("documents", catalogue.documents());
        model.addAttribute("organisations", directory.organisations());
        Map<String, String> names = new LinkedHashMap<>(groups);
        catalogue.documents().forEach(d -> names.put(d.id(), d.title()));
        directory.organisations().forEach(o -> names.put(o.id(), o.name()));
        for (FeedbackType type : FeedbackType.values()) {
            names.put(type.name(), type.label());
        }
        model.addAttribute("names", names);
        return filter;
    }

    private String chart(String type, boolean stacked, List<String> labels, Map<String, Object>... datasets) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", type);
        spec.put("stacked", stacked);
        spec.put("labels", labels);
        spec.put("datasets", new ArrayList<>(List.of(datasets)));
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> series(String label, List<Number> data) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("label", label);
        series.put("data", data);
        return series;
    }
}
