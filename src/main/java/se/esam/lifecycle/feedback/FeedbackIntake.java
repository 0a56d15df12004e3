package se.esam.lifecycle.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.esam.lifecycle.feedback.FeedbackProcess.Vars;
import se.esam.lifecycle.security.CurrentUser;
import se.esam.lifecycle.system.AsApplication;
import se.esam.lifecycle.system.ConflictException;

/**
 * Submission through the API: the same process as a start from Tasklist, with the input checked
 * first so that a mistake is answered with the field at fault. Feedback and process are stored in one
 * transaction: either both exist or neither.
 */
@Component
class FeedbackIntake {

    private final FeedbackService feedback;
    private final RuntimeService runtime;
    private final FeedbackRepository repository;
    private final IdentityService identity;
    private final TransactionTemplate inTransaction;

    FeedbackIntake(FeedbackService feedback, RuntimeService runtime, FeedbackRepository repository,
            IdentityService identity, PlatformTransactionManager transactions) {
        this.inTransaction = new TransactionTemplate(transactions);
        this.feedback = feedback;
        this.runtime = runtime;
        this.repository = repository;
        this.identity = identity;
    }

    /** What a submission returned: its reference, and whether it repeats an earlier one with the same key. */
    record Submitted(String reference, boolean replayed) {
    }

    /**
     * Submits, once per idempotency key: a repeated key with the same submission answers with the first
     * one's reference; with another submission it is refused (409). The key is taken in a transaction of
     * its own before the submission starts, so a request with the same key at the same moment finds it
     * taken at once and is answered 409 (or with the first answer, once there is one) instead of
     * waiting for the first request's whole transaction.
     */
    Submitted submit(Submission submission, CurrentUser submitter, String idempotencyKey) {
        if (idempotencyKey == null) {
            return inTransaction.execute(status -> new Submitted(submit(submission, submitter), false));
        }
        String hash = hash(submission);
        Optional<Submitted> earlier = replay(submitter, idempotencyKey, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!repository.reserveSubmission(submitter.id(), idempotencyKey, hash)) {
            return replay(submitter, idempotencyKey, hash).orElseThrow(() -> inProgress());
        }
        try {
            return inTransaction.execute(status -> {
                String reference = submit(submission, submitter);
                repository.completeSubmission(submitter.id(), idempotencyKey, reference);
                return new Submitted(reference, false);
            });
        } catch (RuntimeException refused) {
            // nothing was created: the key is free again for a corrected request
            repository.releaseSubmission(submitter.id(), idempotencyKey);
            throw refused;
        }
    }

    /** The earlier submission with this key, if any; 409 while it is still being received. */
    Optional<Submitted> replay(CurrentUser submitter, String idempotencyKey, String hash) {
        return repository.submission(submitter.id(), idempotencyKey).map(earlier -> {
            if (!earlier.hash().equals(hash)) {
                throw new ConflictException("Idempotency-Key " + idempotencyKey + " användes redan för en annan "
                        + "synpunkt. Använd en ny nyckel för en ny synpunkt.");
            }
            if (earlier.reference() == null) {
                throw inProgress();
            }
            return new Submitted(earlier.reference(), true);
        });
    }

    private static ConflictException inProgress() {
        return new ConflictException("En synpunkt med samma Idempotency-Key tas emot just nu; försök igen om en stund.");
    }

    static String hash(Submission submission) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(submission.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String submit(Submission submission, CurrentUser submitter) {
        feedback.check(submission, submitter.id());
        VariableMap variables = Variables.createVariables()
                .putValue(Vars.GUIDANCE_ID, submission.guidanceId())
                .putValue(Vars.GUIDANCE_VERSION, submission.guidanceVersion())
                .putValue(Vars.SECTION_ID, submission.sectionId())
                .putValue(Vars.FEEDBACK_TYPE, submission.type().name())
                .putValueTyped(Vars.DESCRIPTION_IN_FULL, Variables.stringValue(submission.description(), true))
                .putValue(Vars.SUBMITTER, submitter.id());
        // as the application: the text (up to 10,000 characters) travels as a transient variable, which the
        // start form does not declare; the submitter's right to submit was checked above
        ProcessInstance instance = AsApplication.query(identity,
                () -> runtime.startProcessInstanceByKey(FeedbackProcess.KEY, variables));
        return repository.referenceOfProcess(instance.getId());
    }
}
