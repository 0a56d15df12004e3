package se.esam.lifecycle.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.system.SwedishTime;

/**
 * Registers incoming documents (OSL 5 kap. 1 §) with a registration number that is unique and gap-free per
 * year. The number is taken in the transaction that stores the document, on its connection: the counter rows
 * stay locked until that transaction ends, so concurrent registrations queue, and a rollback takes its number
 * back with it. No transaction of its own and no second connection: a pooled connection waited for while
 * this one holds the lock deadlocked the pool once (see the feedback module's ReferenceGenerator).
 */
@Service
public class Registry {

    private final JdbcClient jdbc;
    private final RegistryProperties properties;
    private final Clock clock;

    Registry(JdbcClient jdbc, RegistryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * An incoming document to register.
     *
     * @param senderOrganisation the sending organisation's id; null when the sender is not a member
     * @param senderName the sending organisation's name as the register shows it
     * @param caseTitle the ärendemening: short, Swedish, without personal data
     */
    public record Incoming(
            RegistryKind kind,
            String caseReference,
            String guidanceId,
            String senderOrganisation,
            String senderName,
            String caseTitle) {}

    /**
     * Must run inside the transaction that stores the document ({@code MANDATORY}): registered and stored
     * commit together or not at all.
     *
     * @return the registration number
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String register(Incoming incoming) {
        // 'feed' first, always: every registration then holds the same lock before any other, so entries
        // commit in the order of their entry ids (a feed reader never sees a later id before an earlier one),
        // the year row is created under that lock without a race, and two registrations cannot deadlock
        long entryId = next("feed");
        // the Swedish year, whatever zone the clock was made with: a number is of the year the agency received it
        int year = clock.instant().atZone(SwedishTime.ZONE).getYear();
        String yearKey = String.valueOf(year);
        int updated = jdbc.sql("update registry_counter set last_value = last_value + 1 where counter_key = ?")
                .param(yearKey)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into registry_counter (counter_key, last_value) values (?, 1)")
                    .param(yearKey)
                    .update();
        }
        int sequence = Math.toIntExact(current(yearKey));
        String number = properties.number(year, sequence);
        // a later document of a case takes the case's marking: triage may already have found personal data
        String marking = jdbc.sql("select secrecy_marking from register_entry where case_reference = ? "
                        + "order by entry_id desc fetch first 1 rows only")
                .param(incoming.caseReference())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .orElse(Optional.ofNullable(properties.defaultSecrecyMarking()))
                .orElse(null);
        Instant now = clock.instant();
        jdbc.sql("insert into register_entry (entry_id, registration_number, registration_year, sequence_number, "
                        + "kind, case_reference, guidance_id, received_at, sender_organisation, sender_name, "
                        + "case_title, secrecy_marking) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        entryId,
                        number,
                        year,
                        sequence,
                        incoming.kind().name(),
                        incoming.caseReference(),
                        incoming.guidanceId(),
                        java.sql.Timestamp.from(now),
                        incoming.senderOrganisation(),
                        incoming.senderName(),
                        shorten(incoming.caseTitle()),
                        marking)
                .update();
        return number;
    }

    /** The registration number of a case's first document of this kind (a feedback item's own registration). */
    @Transactional(readOnly = true)
    public Optional<String> registrationNumber(String caseReference, RegistryKind kind) {
        return jdbc
                .sql("select registration_number from register_entry where case_reference = ? and kind = ? "
                        + "order by entry_id")
                .params(caseReference, kind.name())
                .query(String.class)
                .list()
                .stream()
                .findFirst();
    }

    /**
     * Every registered document of a case, in the order it was registered: the feedback item and its
     * clarification answers (FB-…), or a revision's consultation responses (REV-…). For the archive package,
     * which carries the register's facts so the archive can find the case by its diarienummer.
     */
    @Transactional(readOnly = true)
    public List<RegisterEntry> entriesFor(String caseReference) {
        return jdbc.sql("select " + RegisterQueries.COLUMNS + " from register_entry where case_reference = ? "
                        + "order by entry_id")
                .param(caseReference)
                .query(RegisterQueries::entry)
                .list();
    }

    /** {@link #registrationNumber} for many cases at once (a page of a list), by case reference. */
    @Transactional(readOnly = true)
    public Map<String, String> registrationNumbers(Collection<String> caseReferences, RegistryKind kind) {
        Map<String, String> numbers = new HashMap<>();
        if (caseReferences.isEmpty()) {
            return numbers;
        }
        jdbc.sql("select case_reference, registration_number from register_entry where kind = :kind "
                        + "and case_reference in (:cases) order by entry_id desc")
                .param("kind", kind.name())
                .param("cases", List.copyOf(caseReferences))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                // newest first, so the first (lowest) entry of a case is the one left in the map
                .forEach(e -> numbers.put(e.getKey(), e.getValue()));
        return numbers;
    }

    /**
     * The kansli's triage said whether the case holds personal data: every entry of the case is marked (or
     * back to the default marking), in the triage's transaction.
     */
    @Transactional
    public void personalData(String caseReference, boolean containsPersonalData) {
        jdbc.sql("update register_entry set secrecy_marking = ? where case_reference = ?")
                .params(
                        containsPersonalData
                                ? properties.personalDataSecrecyMarking()
                                : properties.defaultSecrecyMarking(),
                        caseReference)
                .update();
    }

    private long next(String key) {
        jdbc.sql("update registry_counter set last_value = last_value + 1 where counter_key = ?")
                .param(key)
                .update();
        return current(key);
    }

    private long current(String key) {
        return jdbc.sql("select last_value from registry_counter where counter_key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    private static String shorten(String title) {
        return title.length() <= 500 ? title : title.substring(0, 499) + "…";
    }
}
