package se.esam.lifecycle.feedback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import se.esam.lifecycle.system.PlainText;

/** What a submitter sends: one guidance document and version, optionally a section, a type and a text. */
public record Submission(
        @Schema(example = "digital-samverkan") @NotBlank @Size(max = 100) @PlainText
        String guidanceId,

        @Schema(example = "4.1", description = "Blank or absent: the latest published version")
        @Size(max = 20)
        @Pattern(regexp = "^[0-9A-Za-z.\\-]*$")
        String guidanceVersion,

        @Schema(example = "2.1") @Size(max = 20) @PlainText String sectionId,
        @NotNull FeedbackType type,

        @Schema(
                description = "Up to 10,000 characters; control characters other than line break, carriage "
                        + "return and tab are refused")
        @NotBlank
        @Size(max = 10000)
        @PlainText
        String description) {}
