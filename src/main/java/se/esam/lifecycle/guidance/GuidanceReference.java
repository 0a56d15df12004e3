package se.esam.lifecycle.guidance;

/** One published version of a guidance document, optionally one of its sections, checked against the catalogue. */
public record GuidanceReference(
        String guidanceId, String title, String version, String sectionId, String sectionTitle, String owningGroup) {}
