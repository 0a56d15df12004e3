package se.esam.lifecycle.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.feedback.FeedbackProcess.Vars;
import se.esam.lifecycle.security.CurrentUser;
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

    FeedbackIntake(FeedbackService feedback, RuntimeService runtime, FeedbackRepository repository,
            IdentityService identity, AuthorizationService authorizations) {
        this.feedback = feedback;
        this.runtime = runtime;
        this.repository = repository;
        this.identity = identity;
        this.authorizations = authorizations;
    }

    /** What a submission returned: its reference, and whether it repeats an earlier one with the same key. */
    record Submitted(String reference, boolean replayed) {
    }

    /**
     * Submits, once per idempotency key: a repeated key with the same submission answers with the first
     * one's reference; with another submission it is refused (409). Two requests with the same key at
     * the same moment queue on the key's row, so only one feedback is created.
     */
    @Transactional
    Submitted submit(Submission submission, CurrentUser submitter, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new Submitted(submit(submission, submitter), false);
        }
        String hash = hash(submission);
        Optional<Submitted> earlier = replay(submitter, idempotencyKey, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        repository.reserveSubmission(submitter.id(), idempotencyKey, hash);
        String reference = submit(submission, submitter);
        repository.completeSubmission(submitter.id(), idempotencyKey, reference);
        return new Submitted(reference, false);
    }

    /** The earlier submission with this key, if any. */
    @Transactional(readOnly = true)
    Optional<Submitted> replay(CurrentUser submitter, String idempotencyKey, String hash) {
        return repository.submission(submitter.id(), idempotencyKey).map(earlier -> {
            if (!earlier.hash().equals(hash)) {
                throw new ConflictException("Idempotency-Key " + idempotencyKey + " användes redan för en annan "
                        + "synpunkt. Använd en ny nyckel för en ny synpunkt.");
            }
            return new Submitted(earlier.reference(), true);
        });
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
        boolean maySubmit = AsApplication.query(identity, () -> authorizations.isUserAuthorized(submitter.id(),
                List.copyOf(submitter.groups()), ProcessDefinitionPermissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION, FeedbackProcess.KEY));
        if (!maySubmit) {
            throw new ForbiddenException("Bara medlemsorganisationernas medarbetare lämnar synpunkter.");
        }
        feedback.check(submission, submitter.id());
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.GUIDANCE_ID, submission.guidanceId());
        variables.put(Vars.GUIDANCE_VERSION, submission.guidanceVersion());
        variables.put(Vars.SECTION_ID, submission.sectionId());
        variables.put(Vars.FEEDBACK_TYPE, submission.type().name());
        variables.put(Vars.DESCRIPTION, submission.description());
        variables.put(Vars.SUBMITTER, submitter.id());
        // as the application: the rights were checked above, and the submitter is ours to set, not a form field
        ProcessInstance instance = AsApplication.query(identity,
                () -> runtime.startProcessInstanceByKey(FeedbackProcess.KEY, variables));
        return repository.referenceOfProcess(instance.getId());
    }
}
