package se.esam.lifecycle.revision;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import se.esam.lifecycle.guidance.GuidanceCatalogue;
import se.esam.lifecycle.guidance.GuidanceDocument;
import se.esam.lifecycle.identity.CurrentUser;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.privacy.PersonalData;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.NotFoundException;

/** A revision as member organisations read it on consultation, with the form for their response. */
@Controller
class RevisionPages {

    private final RevisionService revisions;
    private final GuidanceCatalogue catalogue;
    private final Directory directory;
    private final RevisionReading reading;

    RevisionPages(
            RevisionService revisions, GuidanceCatalogue catalogue, Directory directory, RevisionReading reading) {
        this.revisions = revisions;
        this.catalogue = catalogue;
        this.directory = directory;
        this.reading = reading;
    }

    @GetMapping("/revisions/{id}")
    String show(@PathVariable("id") String label, Model model, Authentication authentication) {
        long id = idOf(label);
        Revision revision = revisions.get(id);
        CurrentUser reader = CurrentUser.of(authentication);
        RevisionReading.Level level = reading.of(revision, reader);
        if (level == RevisionReading.Level.NONE) {
            throw new NotFoundException("Ingen revision " + revision.label());
        }
        if (reader.readsAuditTrail()) {
            model.addAttribute("events", revisions.events(id));
        }
        model.addAttribute("revision", revision);
        // as in the API: other members read the drafters' notes with any quoted personal data masked
        model.addAttribute(
                "changeNotes",
                level == RevisionReading.Level.WORKING
                        ? revision.changeNotes()
                        : PersonalData.mask(revision.changeNotes()));
        // not "title": the layout's fragment parameter of that name (the page's <title>) would hide it
        model.addAttribute(
                "guidanceTitle",
                catalogue
                        .document(revision.guidanceId())
                        .map(GuidanceDocument::title)
                        .orElse(revision.guidanceId()));
        model.addAttribute("sections", revisions.sections(id));
        // the quality review and approval forms link here: what changed comes first, section by section
        model.addAttribute("changes", revisions.changes(id));
        model.addAttribute("responses", reading.responses(level, revisions.responses(id), reader));
        return "revision/show";
    }

    @PostMapping("/revisions/{id}/consultation-responses")
    String respond(
            @PathVariable("id") String label,
            @RequestParam String response,
            Authentication authentication,
            Model model) {
        long id = idOf(label);
        CurrentUser user = CurrentUser.of(authentication);
        if (reading.of(revisions.get(id), user) == RevisionReading.Level.NONE) {
            throw new NotFoundException("Ingen revision " + label);
        }
        try {
            Directory.Organisation organisation = directory
                    .organisationOf(user.id())
                    .orElseThrow(() ->
                            new InvalidInputException("organisation", "Du hör inte till någon medlemsorganisation."));
            revisions.respondToConsultation(id, organisation.name(), user.id(), response);
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("draft", response);
            return show(label, model, authentication);
        }
        return "redirect:/revisions/" + id + "?tack";
    }

    /** A page address that is no revision's is a page that does not exist. */
    private static long idOf(String label) {
        try {
            return RevisionController.parse(label);
        } catch (InvalidInputException e) {
            throw new NotFoundException("Ingen revision " + label);
        }
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
