package se.esam.lifecycle.feedback;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.esam.lifecycle.guidance.GuidanceCatalogue;
import se.esam.lifecycle.guidance.GuidanceDocument;
import se.esam.lifecycle.identity.CurrentUser;
import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.system.ConflictException;
import se.esam.lifecycle.system.ForbiddenException;
import se.esam.lifecycle.system.InvalidInputException;

/**
 * The way in from a public guidance page: {@code /feedback/new?document=..&version=..&section=..} opens,
 * after sign-in (Spring Security keeps the address while the person signs in), a feedback form with the
 * document and section filled in. It posts to the same submission as the API ({@link FeedbackIntake}: the
 * same checks, the idempotency key of the form so that a second click sends nothing twice) and shows the
 * reference on the item's page. Only members' employees (submitters) may submit.
 */
@Controller
@RequestMapping("/feedback/new")
class NewFeedbackPage {

    /** The form's fields, by the names the page and its address use, and their Swedish labels. */
    static final Map<String, String> LABELS = Map.of(
            "document", "Vägledning",
            "version", "Version",
            "section", "Avsnitt",
            "type", "Typ av synpunkt",
            "description", "Beskrivning",
            "key", "Formulärets nyckel");

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final int MAX_DESCRIPTION = 10_000;

    private final GuidanceCatalogue catalogue;
    private final FeedbackIntake intake;
    private final FeedbackChoices choices;

    NewFeedbackPage(GuidanceCatalogue catalogue, FeedbackIntake intake, FeedbackChoices choices) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.choices = choices;
    }

    @GetMapping
    String form(
            @RequestParam(required = false) String document,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String section,
            Authentication authentication,
            Model model,
            HttpServletResponse response) {
        if (!isMember(authentication)) {
            return refused(response);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        show(model, document, version, section, null, null, UUID.randomUUID().toString(), errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "feedback/new";
    }

    @PostMapping
    String submit(
            @RequestParam(required = false) String document,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String section,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String key,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!isMember(authentication)) {
            return refused(response);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        FeedbackType feedbackType = type(type, errors);
        description(description, errors);
        String idempotencyKey = key != null && KEY.matcher(key).matches() ? key : null;
        if (errors.isEmpty()) {
            try {
                Submission submission = new Submission(
                        document == null ? null : document.strip(),
                        blankToNull(version),
                        blankToNull(section),
                        feedbackType,
                        description);
                FeedbackIntake.Submitted submitted =
                        intake.submit(submission, CurrentUser.of(authentication), idempotencyKey);
                redirect.addFlashAttribute("sent", true);
                return "redirect:/feedback/" + submitted.reference();
            } catch (InvalidInputException e) {
                errors.put(fieldOf(e.field()), e.getMessage());
            } catch (ConflictException e) {
                errors.put("key", e.getMessage());
                idempotencyKey = null;
            } catch (ForbiddenException e) {
                return refused(response);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        show(
                model,
                document,
                version,
                section,
                feedbackType,
                description,
                idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey,
                errors);
        return "feedback/new";
    }

    /**
     * Fills the form: the chosen document, version and section when the catalogue has them; what it
     * does not have goes into the errors, naming the field, and the form offers a choice instead.
     */
    private void show(
            Model model,
            String documentId,
            String versionNumber,
            String sectionId,
            FeedbackType type,
            String description,
            String key,
            Map<String, String> errors) {
        Optional<GuidanceDocument> document = Optional.empty();
        if (!blank(documentId)) {
            document = catalogue.document(documentId.strip());
            if (document.isEmpty()) {
                errors.putIfAbsent(
                        "document", "Det finns ingen publicerad vägledning med id '" + shorten(documentId) + "'.");
            }
        }
        GuidanceDocument.Version version = null;
        if (document.isPresent()) {
            GuidanceDocument d = document.get();
            version = blank(versionNumber)
                    ? d.currentVersion()
                    : d.version(versionNumber.strip()).orElse(null);
            if (version == null) {
                errors.putIfAbsent(
                        "version", d.title() + " har ingen publicerad version " + shorten(versionNumber) + ".");
                version = d.currentVersion();
            }
            if (!blank(sectionId) && version.section(sectionId.strip()).isEmpty()) {
                errors.putIfAbsent(
                        "section",
                        d.title() + " " + version.number() + " har inget avsnitt " + shorten(sectionId) + ".");
                sectionId = null;
            }
        }
        model.addAttribute("document", document.orElse(null));
        model.addAttribute("version", version);
        model.addAttribute("section", blank(sectionId) ? "" : sectionId.strip());
        model.addAttribute("documents", choices.documents());
        model.addAttribute("types", FeedbackType.values());
        model.addAttribute("type", type);
        model.addAttribute("description", description);
        model.addAttribute("key", key);
        model.addAttribute("errors", errors);
        model.addAttribute("labels", LABELS);
    }

    private static FeedbackType type(String value, Map<String, String> errors) {
        if (blank(value)) {
            errors.put("type", "Välj typ av synpunkt.");
            return null;
        }
        try {
            return FeedbackType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("type", "Okänd typ av synpunkt; välj en av " + Arrays.toString(FeedbackType.values()) + ".");
            return null;
        }
    }

    private static void description(String value, Map<String, String> errors) {
        if (blank(value)) {
            errors.put("description", "Beskriv synpunkten.");
        } else if (value.length() > MAX_DESCRIPTION) {
            errors.put("description", "Beskrivningen får vara högst 10 000 tecken.");
        } else if (!FeedbackText.isPlain(value)) {
            errors.put("description", FeedbackText.NOT_PLAIN);
        }
    }

    /** The submission's field names as this form names them. */
    private static String fieldOf(String submissionField) {
        return switch (submissionField) {
            case "guidanceId" -> "document";
            case "guidanceVersion" -> "version";
            case "sectionId" -> "section";
            default -> LABELS.containsKey(submissionField) ? submissionField : "document";
        };
    }

    private static boolean isMember(Authentication authentication) {
        return CurrentUser.of(authentication).isIn(Roles.SUBMITTERS);
    }

    private static String refused(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "feedback/refused";
    }

    private static String shorten(String value) {
        String stripped = value.strip();
        return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
