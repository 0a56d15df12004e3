package se.esam.lifecycle.feedback;

import java.util.List;

import org.springframework.stereotype.Component;

import se.esam.lifecycle.guidance.GuidanceCatalogue;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.identity.Roles;

/** What the pages' lists offer to choose from: expert groups, guidance documents, organisations. */
@Component
class FeedbackChoices {

    /** One option: the id sent back, the name shown. */
    record Choice(String id, String name) {}

    private final GuidanceCatalogue catalogue;
    private final Directory directory;

    FeedbackChoices(GuidanceCatalogue catalogue, Directory directory) {
        this.catalogue = catalogue;
        this.directory = directory;
    }

    List<Choice> expertGroups() {
        return Roles.EXPERT_GROUPS.stream()
                .map(id -> new Choice(id, directory.groupName(id)))
                .toList();
    }

    List<Choice> documents() {
        return catalogue.documents().stream()
                .map(d -> new Choice(d.id(), d.title()))
                .toList();
    }

    List<Choice> organisations() {
        return directory.organisations().stream()
                .map(o -> new Choice(o.id(), o.name()))
                .toList();
    }
}
