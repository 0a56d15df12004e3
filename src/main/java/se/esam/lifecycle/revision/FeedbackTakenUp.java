package se.esam.lifecycle.revision;

/**
 * Announced when a revision takes up a feedback item (when it opens, or when the item joins it while
 * drafting), in the same transaction.
 *
 * @param revision how the feedback's history names the revision, e.g. "R-12 av Digital samverkan 4.1"
 */
public record FeedbackTakenUp(String reference, String revision) {}
