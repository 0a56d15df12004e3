package se.esam.lifecycle.feedback;

/**
 * Published when an expert group accepts feedback for revision. The revision work listens for it; the
 * feedback process then waits for {@link FeedbackProcess#MESSAGE_REVISION_PUBLISHED}.
 */
public record FeedbackAccepted(String reference, String guidanceId, String guidanceVersion) {
}
