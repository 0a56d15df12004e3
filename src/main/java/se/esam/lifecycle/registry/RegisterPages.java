package se.esam.lifecycle.registry;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.util.UriComponentsBuilder;

import se.esam.lifecycle.guidance.GuidanceCatalogue;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.system.InvalidInputException;

/** The register page for the kansli: the entries, narrowed as the API narrows them, with a CSV link. */
@Controller
class RegisterPages {

    private final RegisterQueries queries;
    private final GuidanceCatalogue catalogue;
    private final Directory directory;

    RegisterPages(RegisterQueries queries, GuidanceCatalogue catalogue, Directory directory) {
        this.queries = queries;
        this.catalogue = catalogue;
        this.directory = directory;
    }

    record Choice(String id, String name) {}

    @GetMapping("/register")
    String register(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String document,
            Model model) {
        RegisterFilter filter = RegisterFilter.of(from, to, organisation, document);
        List<RegisterEntry> entries = queries.list(filter);
        model.addAttribute("filter", filter);
        model.addAttribute("entries", entries);
        model.addAttribute(
                "organisations",
                directory.organisations().stream()
                        .map(o -> new Choice(o.id(), o.name()))
                        .toList());
        model.addAttribute(
                "documents",
                catalogue.documents().stream()
                        .map(d -> new Choice(d.id(), d.title()))
                        .toList());
        model.addAttribute(
                "csv",
                UriComponentsBuilder.fromPath("/api/register")
                        .queryParam("format", "csv")
                        .queryParamIfPresent("from", java.util.Optional.ofNullable(filter.from()))
                        .queryParamIfPresent("to", java.util.Optional.ofNullable(filter.to()))
                        .queryParamIfPresent("organisation", java.util.Optional.ofNullable(filter.organisation()))
                        .queryParamIfPresent("document", java.util.Optional.ofNullable(filter.document()))
                        .encode()
                        .build()
                        .toUriString());
        return "registry/register";
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInputException e, Model model) {
        model.addAttribute("message", e.field() + ": " + e.getMessage());
        return "registry/invalid";
    }
}
