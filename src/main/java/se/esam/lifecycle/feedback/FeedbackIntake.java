package se.esam.lifecycle.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.feedback.internal.FeedbackProcess.Vars;
import se.esam.lifecycle.identity.CurrentUser;
import se.esam.lifecycle.system.AsApplication;
import se.esam.lifecycle.system.ConflictException;
import se.esam.lifecycle.system.ForbiddenException;

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
    private final AuthorizationService authorizations;
    private final TransactionTemplate inTransaction;

    FeedbackIntake(
            FeedbackService feedback,
            RuntimeService runtime,
            FeedbackRepository repository,
            IdentityService identity,
            AuthorizationService authorizations,
            PlatformTransactionManager transactions) {
        this.inTransaction = new TransactionTemplate(transactions);
        this.feedback = feedback;
        this.runtime = runtime;
        this.repository = repository;
        this.identity = identity;
        this.authorizations = authorizations;
    }

    /** What a submission returned: its reference, and whether it repeats an earlier one with the same key. */
    record Submitted(String reference, boolean replayed) {}

    /**
     * Submits, once per idempotency key: a repeated key with the same submission answers with the first
     * one's reference; with another submission it is refused (409).
     *
     * <p>The key's row is created in a transaction of its own, then locked by the submission's
     * transaction without waiting ({@code skip locked}): a request with the same key at the same moment
     * finds it locked and gets 409 at once, instead of queueing behind the first request's whole
     * transaction (which timed out). A submission that failed or whose node died leaves the row
     * unlocked and without a reference, so a retry takes it over (and stores its own request hash with
     * the reference).
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
        repository.reserveSubmission(submitter.id(), idempotencyKey, hash);
        try {
            return submitOnce(submission, submitter, idempotencyKey, hash);
        } catch (RuntimeException refusedOrFailed) {
            // nothing was stored under the key: leave no trace of it either
            repository.releaseSubmission(submitter.id(), idempotencyKey);
            throw refusedOrFailed;
        }
    }

    private Submitted submitOnce(Submission submission, CurrentUser submitter, String idempotencyKey, String hash) {
        return inTransaction.execute(status -> {
            FeedbackRepository.SubmissionKey key =
                    repository.lockSubmission(submitter.id(), idempotencyKey).orElseThrow(FeedbackIntake::inProgress);
            if (key.reference() != null) {
                return replayOf(key, idempotencyKey, hash);
            }
            String reference = submit(submission, submitter);
            // the row's only write, and the transaction's last: a same-key insert (reserveSubmission) waits
            // for a transaction that has written the row, and each waiting request holds a pooled connection
            repository.completeSubmission(submitter.id(), idempotencyKey, hash, reference);
            return new Submitted(reference, false);
        });
    }

    /** The earlier, completed submission with this key, if any. */
    Optional<Submitted> replay(CurrentUser submitter, String idempotencyKey, String hash) {
        return repository
                .submission(submitter.id(), idempotencyKey)
                .filter(earlier -> earlier.reference() != null)
                .map(earlier -> replayOf(earlier, idempotencyKey, hash));
    }

    private static Submitted replayOf(FeedbackRepository.SubmissionKey earlier, String idempotencyKey, String hash) {
        if (!earlier.hash().equals(hash)) {
            throw new ConflictException("Idempotency-Key " + idempotencyKey + " användes redan för en annan "
                    + "synpunkt. Använd en ny nyckel för en ny synpunkt.");
        }
        return new Submitted(earlier.reference(), true);
    }

    private static ConflictException inProgress() {
        return new ConflictException(
                "En synpunkt med samma Idempotency-Key tas emot just nu; försök igen om en stund.");
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
        // the process starts as the application below, so the engine's own check is made here
        boolean maySubmit = AsApplication.query(
                identity,
                () -> authorizations.isUserAuthorized(
                        submitter.id(),
                        List.copyOf(submitter.groups()),
                        ProcessDefinitionPermissions.CREATE_INSTANCE,
                        Resources.PROCESS_DEFINITION,
                        FeedbackProcess.KEY));
        if (!maySubmit) {
            throw new ForbiddenException("Bara medlemsorganisationernas medarbetare lämnar synpunkter.");
        }
        feedback.check(submission, submitter.id());
        VariableMap variables = Variables.createVariables()
                .putValue(Vars.GUIDANCE_ID, submission.guidanceId())
                .putValue(Vars.GUIDANCE_VERSION, submission.guidanceVersion())
                .putValue(Vars.SECTION_ID, submission.sectionId())
                .putValue(Vars.FEEDBACK_TYPE, submission.type().name())
                .putValueTyped(Vars.DESCRIPTION_IN_FULL, Variables.stringValue(submission.description(), true))
                .putValue(Vars.SUBMITTER, submitter.id());
        // as the application: the rights were checked above, the submitter is ours to set, not a form field,
        // and the text (up to 10,000 characters) travels as a transient variable the start form does not declare
        ProcessInstance instance =
                AsApplication.query(identity, () -> runtime.startProcessInstanceByKey(FeedbackProcess.KEY, variables));
        return repository.referenceOfProcess(instance.getId());
    }
}
