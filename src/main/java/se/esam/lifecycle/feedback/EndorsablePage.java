package se.esam.lifecycle.feedback;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import se.esam.lifecycle.guidance.GuidanceCatalogue;
import se.esam.lifecycle.guidance.GuidanceDocument;
import se.esam.lifecycle.identity.CurrentUser;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.system.ConflictException;
import se.esam.lifecycle.system.ForbiddenException;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.NotFoundException;

/**
 * Where a member finds other organisations' open feedback and says "vi har samma problem": {@code
 * /feedback/endorsable}, optionally for one guidance document. It lists only items whose text the publishing
 * review published, with that text and the organisation, never the person; unreviewed items are not listed.
 */
@Controller
class EndorsablePage {

    static final int LIMIT = 200;

    private final Items items;
    private final EndorsementService endorsements;
    private final FeedbackChoices choices;

    EndorsablePage(Items items, EndorsementService endorsements, FeedbackChoices choices) {
        this.items = items;
        this.endorsements = endorsements;
        this.choices = choices;
    }

    /** One endorsable item as the page and the API show it. */
    record Item(
            String reference,
            String guidanceId,
            String guidanceTitle,
            String guidanceVersion,
            String sectionId,
            String sectionTitle,
            FeedbackType type,
            String typeLabel,
            String statusLabel,
            String organisation,
            String publicText,
            long endorsements,
            boolean endorsedByYou) {}

    /** The list with names, shared by the page and the API. */
    @Component
    static class Items {

        private final EndorsementService endorsements;
        private final GuidanceCatalogue catalogue;
        private final Directory directory;

        Items(EndorsementService endorsements, GuidanceCatalogue catalogue, Directory directory) {
            this.endorsements = endorsements;
            this.catalogue = catalogue;
            this.directory = directory;
        }

        List<Item> list(String guidanceId, CurrentUser user) {
            endorsements.endorser(user);
            String document = guidanceId == null || guidanceId.isBlank() ? null : guidanceId.strip();
            if (document != null && catalogue.document(document).isEmpty()) {
                throw new InvalidInputException(
                        "guidanceId",
                        "Det finns ingen vägledning med id '"
                                + (document.length() > 40 ? document.substring(0, 40) + "…" : document) + "'.");
            }
            Map<String, GuidanceDocument> documents = new HashMap<>();
            return endorsements.endorsable(document, user, LIMIT).stream()
                    .map(e -> {
                        GuidanceDocument d = documents.computeIfAbsent(
                                e.guidanceId(), id -> catalogue.document(id).orElse(null));
                        String section = d == null || e.sectionId() == null
                                ? null
                                : d.version(e.guidanceVersion())
                                        .flatMap(v -> v.section(e.sectionId()))
                                        .map(GuidanceDocument.Section::title)
                                        .orElse(null);
                        return new Item(
                                e.reference(),
                                e.guidanceId(),
                                d == null ? e.guidanceId() : d.title(),
                                e.guidanceVersion(),
                                e.sectionId(),
                                section,
                                e.type(),
                                e.type().label(),
                                e.status().label(),
                                organisationName(e.organisation()),
                                e.publicText(),
                                e.endorsements(),
                                e.endorsedByCaller());
                    })
                    .toList();
        }

        String organisationName(String id) {
            return directory.organisation(id).map(Directory.Organisation::name).orElse(id);
        }
    }

    @GetMapping("/feedback/endorsable")
    String list(
            @RequestParam(required = false) String guidanceId,
            Authentication authentication,
            Model model,
            HttpServletResponse response) {
        return show(guidanceId, null, null, authentication, model, response);
    }

    @PostMapping("/feedback/{reference}/endorsements")
    String endorse(
            @PathVariable String reference,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String guidanceId,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        try {
            endorsements.endorse(ReferenceGenerator.wellFormed("reference", reference), user, comment);
        } catch (ForbiddenException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "feedback/refused";
        } catch (InvalidInputException | NotFoundException | ConflictException e) {
            response.setStatus(
                    e instanceof InvalidInputException
                            ? HttpStatus.BAD_REQUEST.value()
                            : e instanceof NotFoundException
                                    ? HttpStatus.NOT_FOUND.value()
                                    : HttpStatus.CONFLICT.value());
            return show(guidanceId, reference, e.getMessage(), authentication, model, response);
        }
        redirect.addFlashAttribute("endorsed", reference);
        String back = UriComponentsBuilder.fromPath("/feedback/endorsable")
                .queryParamIfPresent(
                        "guidanceId", Optional.ofNullable(guidanceId).filter(g -> !g.isBlank()))
                .encode()
                .build()
                .toUriString();
        return "redirect:" + back;
    }

    private String show(
            String guidanceId,
            String failed,
            String error,
            Authentication authentication,
            Model model,
            HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        List<Item> found;
        try {
            found = items.list(guidanceId, user);
        } catch (ForbiddenException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "feedback/refused";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            found = List.of();
            error = e.getMessage();
            guidanceId = null;
        }
        model.addAttribute("items", found);
        model.addAttribute("documents", choices.documents());
        model.addAttribute("guidanceId", guidanceId == null ? "" : guidanceId.strip());
        model.addAttribute("failed", failed);
        model.addAttribute("error", error);
        return "feedback/endorsable";
    }
}
