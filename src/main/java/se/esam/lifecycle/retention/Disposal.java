package se.esam.lifecycle.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.retention.RetentionProperties.Rule;
import se.esam.lifecycle.retention.RetentionRepository.LogEntry;
import se.esam.lifecycle.system.AsApplication;
import se.esam.lifecycle.system.SwedishTime;

/**
 * The disposal run: every record type's rule applied to what has passed its time, cases under a legal hold
 * skipped, one log row per record type (also when nothing was due, so the log shows that the run happened).
 * One transaction: a run that fails disposes of nothing and logs nothing, and the next run does it all.
 */
@Service
class Disposal {

    static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(Disposal.class);
    private static final int PAGE = 500;

    private final RetentionRepository repository;
    private final RetentionProperties properties;
    private final HistoryService history;
    private final IdentityService identity;
    private final Clock clock;

    Disposal(
            RetentionRepository repository,
            RetentionProperties properties,
            HistoryService history,
            IdentityService identity,
            Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.history = history;
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * Tonight's run, on the one node that claims the night; every node's scheduler calls it. The claim and
     * the run commit together: a node that fails leaves the night unclaimed for a later try.
     */
    @Scheduled(cron = "${guidance.retention.cron}", zone = SwedishTime.ZONE_NAME)
    @Transactional
    public void nightly() {
        repository.lockRuns();
        LocalDate today = LocalDate.ofInstant(clock.instant(), SwedishTime.ZONE);
        if (!repository.claimNightly(today)) {
            log.info("Disposal for {} already ran on another node", today);
            return;
        }
        run(SYSTEM);
    }

    /** Runs now, for the kansli or the nightly schedule. */
    @Transactional
    public List<LogEntry> runNow(String runBy) {
        repository.lockRuns();
        return run(runBy);
    }

    private List<LogEntry> run(String runBy) {
        Instant now = clock.instant();
        String runId = UUID.randomUUID().toString();
        List<LogEntry> entries = new ArrayList<>();
        for (RecordType type : RecordType.values()) {
            Rule rule = properties.rule(type);
            Instant cutoff = rule.cutoff(now);
            int count = type == RecordType.ENGINE_HISTORY
                    ? disposeEngineHistory(cutoff)
                    : repository.dispose(type, rule.action(), cutoff);
            LogEntry entry =
                    new LogEntry(runId, type.name(), rule.action().name(), rule.decision(), count, cutoff, now, runBy);
            repository.log(entry);
            entries.add(entry);
            if (count > 0) {
                log.info(
                        "Disposal: {} {} record(s) of {} before {} ({})",
                        rule.action(),
                        count,
                        type,
                        cutoff,
                        rule.decision());
            }
        }
        repository.audit(now, "DISPOSAL_RUN", runBy, runId, null);
        return entries;
    }

    /**
     * Camunda's history of instances that ended before the cutoff, except those of held cases. Deleted here
     * rather than by Camunda's cleanup job, which knows no legal hold; the engine's removal times are not
     * used (they were fixed when an instance ended, under the period then).
     */
    private int disposeEngineHistory(Instant cutoff) {
        return AsApplication.query(identity, () -> {
            Set<String> held = new HashSet<>(repository.heldProcessInstances());
            int disposed = 0;
            int skipped = 0;
            while (true) {
                List<HistoricProcessInstance> page = history.createHistoricProcessInstanceQuery()
                        .finishedBefore(Date.from(cutoff))
                        .orderByProcessInstanceId()
                        .asc()
                        .listPage(skipped, PAGE);
                if (page.isEmpty()) {
                    return disposed;
                }
                List<String> due = new ArrayList<>();
                for (HistoricProcessInstance instance : page) {
                    if (held.contains(instance.getId()) || held.contains(instance.getRootProcessInstanceId())) {
                        skipped++;
                    } else {
                        due.add(instance.getId());
                    }
                }
                if (!due.isEmpty()) {
                    history.deleteHistoricProcessInstancesBulk(due);
                    disposed += due.size();
                }
            }
        });
    }

    /** Deletes the engine's history of these finished instances now (a person's erasure). */
    int deleteEngineHistory(List<String> processInstanceIds) {
        return AsApplication.query(identity, () -> {
            List<String> finished = history
                    .createHistoricProcessInstanceQuery()
                    .processInstanceIds(new HashSet<>(processInstanceIds))
                    .finished()
                    .list()
                    .stream()
                    .map(HistoricProcessInstance::getId)
                    .toList();
            if (!finished.isEmpty()) {
                history.deleteHistoricProcessInstancesBulk(finished);
            }
            return finished.size();
        });
    }

    List<LogEntry> log(int limit) {
        return repository.log(limit);
    }
}
