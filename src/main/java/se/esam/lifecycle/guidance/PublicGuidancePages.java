package se.esam.lifecycle.guidance;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.NotFoundException;

/** Published guidance for everyone, no login: server-rendered, readable without script. */
@Controller
@RequestMapping("/guidance")
class PublicGuidancePages {

    private final PublicGuidanceReading reading;

    PublicGuidancePages(PublicGuidanceReading reading) {
        this.reading = reading;
    }

    @GetMapping
    String catalogue(Model model) {
        model.addAttribute("documents", reading.catalogue());
        return "public/catalogue";
    }

    @GetMapping("/{id}")
    String document(@PathVariable String id, Model model) {
        PublishedGuidance.Document document = reading.document(id);
        model.addAttribute("document", document);
        model.addAttribute(
                "from",
                document.versions().size() > 1 ? document.versions().get(1).number() : null);
        model.addAttribute("to", document.current().number());
        return "public/document";
    }

    @GetMapping("/{id}/compare")
    String compare(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model,
            HttpServletResponse response) {
        PublishedGuidance.Document document = reading.document(id);
        model.addAttribute("document", document);
        try {
            model.addAttribute("comparison", reading.compare(id, from, to));
        } catch (InvalidInputException e) {
            // the document page again, with its form and what was wrong
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            model.addAttribute("compareError", e.getMessage());
            model.addAttribute("compareErrorField", e.field());
            return "public/document";
        }
        return "public/compare";
    }

    @GetMapping("/{id}/{version}")
    String version(@PathVariable String id, @PathVariable String version, Model model) {
        PublishedGuidance.Version shown = reading.version(id, version);
        PublishedGuidance.Document document = reading.document(id);
        model.addAttribute("document", document);
        model.addAttribute("version", shown);
        model.addAttribute(
                "previous",
                document.before(version)
                        .map(PublishedGuidance.VersionSummary::number)
                        .orElse(null));
        model.addAttribute("dispositionCount", reading.dispositions(id, version).size());
        return "public/version";
    }

    @GetMapping("/{id}/{version}/dispositions")
    String dispositions(@PathVariable String id, @PathVariable String version, Model model) {
        model.addAttribute("version", reading.version(id, version));
        model.addAttribute("items", reading.dispositions(id, version));
        return "public/dispositions";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "public/not-found";
    }
}
