package se.esam.lifecycle.benchmark;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

/**
 * Fills a PostgreSQL database that the application has migrated and started once (Flyway, Camunda's
 * schema, catalogue and organisations loaded) with years of feedback as the manager reports see it:
 * by default 1,000,000 finished items over five years and 20,000 open ones in every stage, with the
 * revisions that answered the accepted and held ones.
 *
 * <p>Set-based: a handful of {@code insert ... select} over {@code generate_series} with {@code random()}
 * (seeded, so a run is repeatable), staged in temporary tables, in one transaction. The reporting columns
 * are computed as {@code FeedbackRepository} keeps them: months in Swedish time, stage times adding up to
 * the lead times; a check at the end fails the run if they do not. Items get references {@code GEN-nnnnnnn}
 * (the application hands out {@code FB-year-number}), no process instance and no audit events; the reports
 * read neither. Foreign keys are not checked row by row while loading (replica mode) but by one query
 * each afterwards.
 *
 * <p>Standalone: {@code ReportDataGenerator <jdbc-url> [finished open]} (user from {@code PGUSER}, default
 * postgres). The benchmark ({@link ReportBenchmark}) calls it when its database has no data yet.
 */
public final class ReportDataGenerator {

    static final String PREFIX = "GEN-";
    /** Marks the generated revisions (their change notes), so that a new run can find and replace them. */
    static final String MARK = "Genererad för prestandamätning av rapporterna";

    /** How much to generate; open items are split over the stages like a busy week. */
    record Volume(int finished, int open) {

        static final Volume ISSUE_5 = new Volume(1_000_000, 20_000);

        Map<String, Integer> openByStage() {
            Map<String, Integer> stages = new LinkedHashMap<>();
            stages.put("IN_TRIAGE", (int) Math.round(open * 0.15));
            stages.put("AWAITING_CLARIFICATION", (int) Math.round(open * 0.05));
            stages.put("IN_REVIEW", (int) Math.round(open * 0.30));
            stages.put("ACCEPTED_AWAITING_REVISION", (int) Math.round(open * 0.175));
            stages.put("HELD_FOR_NEXT_REVISION", (int) Math.round(open * 0.10));
            int assigned = stages.values().stream().mapToInt(Integer::intValue).sum();
            stages.put("IN_REVISION", open - assigned);
            return stages;
        }
    }

    /** What is in the database: counts of generated items, and whether this run made them. */
    record Outcome(boolean generated, Duration took, long finished, long open, long revisions) {}

    private static final List<String> EXPERT_GROUPS =
            List.of("expert-architecture", "expert-law", "expert-information-security", "expert-communication");
    /** Review periods per priority, as in config/application.yaml (guidance.feedback.review-period). */
    private static final String REVIEW_DAYS = "case priority when 'HIGH' then 5 when 'NORMAL' then 10 else 20 end";

    private static final String[] TYPES = {"ERROR", "GAP", "NOT_WORKING_IN_PRACTICE", "SUGGESTION", "EDITORIAL"};
    /** Feedback types by outcome: editorial remarks are mostly accepted, suggestions often rejected. */
    private static final Map<String, double[]> TYPE_MIX = Map.of(
            "OPEN", new double[] {.18, .22, .15, .28, .17},
            "ACCEPTED", new double[] {.24, .22, .14, .18, .22},
            "REJECTED", new double[] {.12, .20, .16, .40, .12},
            "HELD", new double[] {.10, .30, .20, .32, .08},
            "DUPLICATE", new double[] {.25, .20, .20, .25, .10},
            "OUT_OF_SCOPE", new double[] {.05, .25, .20, .45, .05},
            "UNANSWERED", new double[] {.15, .20, .25, .30, .10});

    private final Connection connection;
    private final Instant now;
    private final PrintStream out;

    /** @param now the end of the generated history; the application's clock should be close to it */
    ReportDataGenerator(Connection connection, Instant now, PrintStream out) {
        this.connection = connection;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.out = out;
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 1 && args.length != 3) {
            System.err.println("usage: ReportDataGenerator <jdbc-url> [finished open]");
            System.exit(2);
        }
        Volume volume =
                args.length == 3 ? new Volume(Integer.parseInt(args[1]), Integer.parseInt(args[2])) : Volume.ISSUE_5;
        String user = System.getenv().getOrDefault("PGUSER", "postgres");
        try (Connection connection = DriverManager.getConnection(args[0], user, System.getenv("PGPASSWORD"))) {
            Outcome outcome = new ReportDataGenerator(connection, Instant.now(), System.out).ensure(volume);
            System.out.printf(
                    "%s: %,d finished and %,d open items, %d revisions%n",
                    outcome.generated() ? "generated in " + seconds(outcome.took()) : "already there",
                    outcome.finished(),
                    outcome.open(),
                    outcome.revisions());
        }
    }

    /** Generates the volume unless exactly that is there already; other generated data is replaced. */
    Outcome ensure(Volume volume) throws SQLException {
        long[] present = present();
        if (present[0] == volume.finished() && present[1] == volume.open()) {
            return new Outcome(false, Duration.ZERO, present[0], present[1], present[2]);
        }
        long started = System.nanoTime();
        generate(volume);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        present = present();
        return new Outcome(true, took, present[0], present[1], present[2]);
    }

    /** Finished and open generated items, and generated revisions. */
    long[] present() throws SQLException {
        long[] counts = new long[3];
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) filter (where status in ('ANSWERED_IN_VERSION', "
                    + "'REJECTED', 'DUPLICATE', 'OUT_OF_SCOPE', 'UNANSWERED')), count(*) from feedback "
                    + "where reference like '" + PREFIX + "%'")) {
                rs.next();
                counts[0] = rs.getLong(1);
                counts[1] = rs.getLong(2) - counts[0];
            }
            try (ResultSet rs = s.executeQuery("select count(*) from revision where change_notes = '" + MARK + "'")) {
                rs.next();
                counts[2] = rs.getLong(1);
            }
        }
        return counts;
    }

    private void generate(Volume volume) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            // bulk-load settings for this session only; the foreign keys are checked by query at the end
            for (String setting : List.of(
                    "set session_replication_role = replica",
                    "set timezone = 'Europe/Stockholm'",
                    "set work_mem = '256MB'",
                    "set temp_buffers = '512MB'",
                    "set synchronous_commit = off",
                    "set max_parallel_workers_per_gather = 0",
                    "select setseed(0.5)")) {
                s.execute(setting);
            }
            step("removing earlier generated data", () -> removeGenerated(s));
            Catalogue catalogue = catalogue(s);
            step("revisions", () -> revisions(catalogue));
            step("reference tables", () -> referenceTables(s, catalogue));
            step("drawing items", () -> s.execute(draw(volume)));
            step(
                    "placing them in time",
                    () -> s.execute(TIMES.replace("${now}", literal(now)).replace("${start}", literal(start()))));
            step(
                    "revisions that answered them",
                    () -> s.execute(ITEMS.replace(
                            "${digits}",
                            String.valueOf(Math.max(
                                    7,
                                    String.valueOf(volume.finished() + volume.open())
                                            .length())))));
            step("inserting feedback", () -> s.executeUpdate(FEEDBACK.replace("${prefix}", PREFIX)));
            step("inserting revision items", () -> s.executeUpdate(REVISION_ITEMS));
            step("monthly report figures", () -> monthlyFigures(s));
            step("checking", () -> check(s, volume));
            s.execute("set session_replication_role = default");
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            // what autovacuum would do soon after: statistics, and a visibility map for index-only scans
            step(
                    "vacuum analyze",
                    () -> s.execute(
                            "vacuum (analyze) feedback, revision, revision_item, report_count, report_histogram"));
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private Instant start() {
        return now.atZone(RevisionSchedule.ZONE).minusYears(5).toInstant();
    }

    // catalogue and revisions

    record Catalogue(
            List<String> documents,
            Map<String, String> owners,
            Map<String, NavigableMap<LocalDate, String>> versions,
            List<String> organisations) {}

    private Catalogue catalogue(Statement s) throws SQLException {
        List<String> documents = new ArrayList<>();
        Map<String, String> owners = new TreeMap<>();
        try (ResultSet rs = s.executeQuery("select id, owning_group from guidance_document order by id")) {
            while (rs.next()) {
                documents.add(rs.getString(1));
                owners.put(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, NavigableMap<LocalDate, String>> versions = new TreeMap<>();
        try (ResultSet rs = s.executeQuery("select document_id, version_number, published_on from guidance_version")) {
            while (rs.next()) {
                versions.computeIfAbsent(rs.getString(1), d -> new TreeMap<>())
                        .put(rs.getObject(3, LocalDate.class), rs.getString(2));
            }
        }
        List<String> organisations = new ArrayList<>();
        // the member organisations; the kansli's own (org-esam) handles feedback rather than sending it
        try (ResultSet rs = s.executeQuery(
                "select id_ from act_id_group where type_ = 'organisation' " + "and id_ <> 'org-esam' order by id_")) {
            while (rs.next()) {
                organisations.add(rs.getString(1));
            }
        }
        if (documents.size() < 2
                || organisations.isEmpty()
                || !versions.keySet().containsAll(documents)) {
            throw new IllegalStateException("Start the application once against this database first: it needs "
                    + "the catalogue (at least two documents, each with a version) and the organisations.");
        }
        return new Catalogue(documents, owners, versions, organisations);
    }

    /** Every other document has a revision open now; the rest published their last one weeks ago. */
    private void revisions(Catalogue catalogue) throws SQLException {
        List<String> alreadyOpen = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select guidance_id from revision where open_for_guidance is not null")) {
            while (rs.next()) {
                alreadyOpen.add(rs.getString(1));
            }
        }
        List<RevisionSchedule.Revision> all = new ArrayList<>();
        for (int i = 0; i < catalogue.documents().size(); i++) {
            String document = catalogue.documents().get(i);
            boolean endsOpen = i % 2 == 0 && !alreadyOpen.contains(document);
            all.addAll(RevisionSchedule.of(
                    document, catalogue.versions().get(document), endsOpen, start(), now, new Random(20_211_123L + i)));
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into revision (guidance_id, base_version, open_for_guidance, status, change_class, change_notes,
                                      new_version, drafted_by, approved_by, consultation_ends, opened_at, published_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (RevisionSchedule.Revision r : all) {
                insert.setString(1, r.guidanceId());
                insert.setString(2, r.baseVersion());
                insert.setString(3, r.open() ? r.guidanceId() : null);
                insert.setString(4, r.status());
                insert.setString(5, r.changeClass());
                insert.setString(6, MARK);
                insert.setString(7, r.newVersion());
                insert.setString(8, "DRAFTING".equals(r.status()) ? null : "gen-drafter");
                insert.setString(9, r.open() ? null : "gen-approver");
                insert.setTimestamp(10, timestamp(r.consultationEnds()));
                insert.setTimestamp(11, timestamp(r.openedAt()));
                insert.setTimestamp(12, timestamp(r.publishedAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    // reference tables: what to draw from

    private void referenceTables(Statement s, Catalogue catalogue) throws SQLException {
        s.execute("""
                create temp table gen_document (id text primary key, owning_group text, weight float8,
                    open_revision_id bigint, open_opened timestamptz, last_published_opened timestamptz,
                    last_published_at timestamptz) on commit drop""");
        try (PreparedStatement insert =
                connection.prepareStatement("insert into gen_document (id, owning_group, weight) values (?, ?, ?)")) {
            for (int i = 0; i < catalogue.documents().size(); i++) {
                String document = catalogue.documents().get(i);
                insert.setString(1, document);
                insert.setString(2, catalogue.owners().get(document));
                // some documents draw far more feedback than others
                insert.setDouble(3, new double[] {1.0, 0.8, 2.0, 0.6, 1.2, 0.7}[i % 6]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        s.execute("""
                update gen_document d set open_revision_id = r.id, open_opened = r.opened_at
                  from revision r where r.guidance_id = d.id and r.open_for_guidance is not null and r.change_notes = '%s'
                """.formatted(MARK));
        s.execute("""
                update gen_document d set last_published_opened = r.opened_at, last_published_at = r.published_at
                  from (select distinct on (guidance_id) guidance_id, opened_at, published_at from revision
                         where status = 'PUBLISHED' and change_notes = '%s' order by guidance_id, published_at desc) r
                 where r.guidance_id = d.id""".formatted(MARK));
        // documents to draw from: all of them, or those with (without) an open revision
        s.execute("""
                create temp table gen_doc_pick on commit drop as
                select pool, id, owning_group, open_revision_id, open_opened, last_published_opened, last_published_at,
                       coalesce(sum(weight) over (partition by pool order by id rows between unbounded preceding
                                                  and 1 preceding), 0) / sum(weight) over (partition by pool) as lo,
                       case when row_number() over (partition by pool order by id desc) = 1 then 2
                            else sum(weight) over (partition by pool order by id) / sum(weight) over (partition by pool)
                       end as hi
                  from (select 'ALL' as pool, d.* from gen_document d
                        union all select 'OPEN_REVISION', d.* from gen_document d where open_revision_id is not null
                        union all select 'NO_OPEN_REVISION', d.* from gen_document d where open_revision_id is null) p""");
        // organisations: the large agencies send several times as much feedback as the small ones (Zipf-like)
        s.execute("create temp table gen_org (id text, lo float8, hi float8) on commit drop");
        List<String> organisations = catalogue.organisations();
        double[] weights = new double[organisations.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1 / Math.pow(1 + (i * 7 % weights.length), 0.6);
        }
        insertRanges("insert into gen_org (id, lo, hi) values (?, ?, ?)", organisations, weights, null);
        s.execute("create temp table gen_type (outcome text, type text, lo float8, hi float8) on commit drop");
        for (var mix : TYPE_MIX.entrySet()) {
            insertRanges(
                    "insert into gen_type (type, lo, hi, outcome) values (?, ?, ?, ?)",
                    List.of(TYPES),
                    mix.getValue(),
                    mix.getKey());
        }
        // the catalogue version current at a moment (the oldest one before the catalogue begins), its sections
        s.execute("""
                create temp table gen_version on commit drop as
                select v.document_id, v.version_number,
                       case when lag(v.published_on) over w is null then '-infinity'::timestamptz
                            else v.published_on::timestamptz end as valid_from,
                       coalesce((lead(v.published_on) over w)::timestamptz, 'infinity') as valid_to,
                       (select array_agg(s.section_id order by s.position) from guidance_section s
                         where s.document_id = v.document_id and s.version_number = v.version_number) as sections
                  from guidance_version v
                window w as (partition by v.document_id order by v.published_on, v.version_number)""");
        // which revision answered an item decided at a moment: accepted, the next to be published; held, the
        // next to be opened
        s.execute("""
                create temp table gen_window on commit drop as
                select guidance_id, 'ACCEPTED' as outcome,
                       coalesce(lag(published_at) over (partition by guidance_id order by published_at), '-infinity') as lo,
                       published_at as hi, id, opened_at, published_at
                  from revision where status = 'PUBLISHED' and change_notes = '%1$s'
                union all
                select guidance_id, 'HELD',
                       coalesce(lag(opened_at) over (partition by guidance_id order by opened_at), '-infinity'),
                       opened_at, id, opened_at, published_at
                  from revision where status = 'PUBLISHED' and change_notes = '%1$s'""".formatted(MARK));
        s.execute("""
                create temp table gen_text on commit drop as select
                  array['Avsnittet beskriver inte hur ansvaret fördelas när flera myndigheter delar på samma information.',
                        'Vi har försökt tillämpa vägledningen i ett pågående projekt och stött på oklarheter.',
                        'Exemplet i avsnittet stämmer inte med hur kommunerna faktiskt arbetar i dag.',
                        'Det saknas en hänvisning till gällande lagstiftning på området.',
                        'Begreppen används inte konsekvent genom dokumentet, vilket gör texten svår att följa.',
                        'Vi föreslår att ett kortare sammanfattande stycke läggs till i början av avsnittet.',
                        'Rekommendationen går inte att följa för mindre organisationer med begränsade resurser.',
                        'Formuleringen kan läsas som ett krav, men är troligen avsedd som ett råd.',
                        'Tabellen i avsnittet innehåller ett felaktigt årtal och en inaktuell myndighetsbenämning.',
                        'Det vore värdefullt med ett exempel från en region eller en kommun.',
                        'Länken till den tekniska specifikationen fungerar inte längre.',
                        'Vår jurist bedömer att slutsatsen behöver nyanseras med hänsyn till senare praxis.',
                        'Stycket upprepar i stort sett det som redan sägs i föregående avsnitt.',
                        'Vi saknar en beskrivning av hur uppföljningen ska gå till och vem som ansvarar för den.',
                        'Texten utgår från förhållanden som har ändrats sedan den skrevs.',
                        'Det framgår inte vem som fattar beslut när parterna inte är överens.'] as sentences,
                  array['Synpunkten är relevant och tas om hand i nästa version av vägledningen.',
                        'Expertgruppen instämmer och förtydligar avsnittet.',
                        'Felet rättas i nästa version.'] as accepted,
                  array['Expertgruppen bedömer att nuvarande skrivning räcker och behåller den.',
                        'Förslaget ligger utanför vad vägledningen ska reglera i detalj.',
                        'Förslaget skulle göra vägledningen svårare att tillämpa för andra medlemmar.'] as rejected,
                  array['Synpunkten tas upp i den större översyn som planeras.',
                        'Frågan behöver utredas vidare innan vägledningen ändras.'] as held,
                  array['Frågan gäller en enskild myndighets interna rutiner och ligger utanför eSams uppdrag.',
                        'Synpunkten gäller lagstiftningen, inte vägledningen.'] as out_of_scope""");
    }

    private void insertRanges(String sql, List<String> names, double[] weights, String extra) throws SQLException {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            double lo = 0;
            for (int i = 0; i < names.size(); i++) {
                double hi = i == names.size() - 1 ? 2 : lo + weights[i] / total;
                insert.setString(1, names.get(i));
                insert.setDouble(2, lo);
                insert.setDouble(3, hi);
                if (extra != null) {
                    insert.setString(4, extra);
                }
                insert.addBatch();
                lo = hi;
            }
            insert.executeBatch();
        }
    }

    // the items

    /**
     * Draws every item's attributes and durations: outcome, document, organisation, type, whether the
     * kansli asked for clarification, routing (the routing table's group and priority, now and then
     * overridden), and lognormal times in triage, clarification and review (a review takes about 60 % of
     * its period, one in seven is late).
     */
    private static String draw(Volume volume) {
        StringBuilder stage =
                new StringBuilder("case when n <= ").append(volume.finished()).append(" then 'FINISHED'");
        int upTo = volume.finished();
        for (var open : volume.openByStage().entrySet()) {
            upTo += open.getValue();
            stage.append(" when n <= ")
                    .append(upTo)
                    .append(" then '")
                    .append(open.getKey())
                    .append("'");
        }
        stage.append(" end");
        String gauss = "sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())";
        return """
                create temp table gen_draw on commit drop as
                select r.*,
                       round(greatest(300, 1.2 * 86400 * exp(0.9 * r.g1)))::bigint as triage1,
                       round(least(13.5 * 86400, greatest(3600, 3 * 86400 * exp(0.8 * r.g2))))::bigint as clar_s,
                       round(greatest(300, 0.8 * 86400 * exp(0.8 * r.g3)))::bigint as triage2,
                       case when r.routed then round(greatest(3600, r.review_days * 86400 * 0.6 * exp(0.5 * r.g4)))::bigint
                            else 0 end as review_s
                  from (select q.*, ${reviewDays} as review_days
                          from (select o.*, doc.id as guidance_id, doc.owning_group, org.id as organisation,
                                       t.type as feedback_type, doc.open_revision_id, doc.open_opened,
                                       doc.last_published_opened, doc.last_published_at,
                                       o.outcome in ('ACCEPTED', 'REJECTED', 'HELD') or o.stage = 'IN_REVIEW' as routed,
                                       case o.stage when 'FINISHED' then o.outcome = 'UNANSWERED' or o.u_clar < 0.105
                                                    when 'IN_TRIAGE' then o.u_clar < 0.12
                                                    when 'AWAITING_CLARIFICATION' then true
                                                    else o.u_clar < 0.105 end as clarified,
                                       case when o.outcome in ('ACCEPTED', 'REJECTED', 'HELD') or o.stage = 'IN_REVIEW' then
                                            case t.type when 'ERROR' then 'HIGH' when 'NOT_WORKING_IN_PRACTICE' then 'HIGH'
                                                        when 'GAP' then 'NORMAL' when 'SUGGESTION' then 'LOW'
                                                        else case when doc.owning_group = 'expert-law' then 'NORMAL'
                                                                  else 'LOW' end end end as priority,
                                       case when o.outcome in ('ACCEPTED', 'REJECTED', 'HELD') or o.stage = 'IN_REVIEW' then
                                            case when o.u_other < 0.03 then (array[${groups}])[1 + floor(o.u_group * 4)::int]
                                                 when t.type = 'EDITORIAL' and doc.owning_group <> 'expert-law'
                                                      then 'expert-communication'
                                                 else doc.owning_group end end as expert_group
                                  from (select d.*,
                                               case d.stage
                                                    when 'FINISHED' then case when d.u_outcome < 0.45 then 'ACCEPTED'
                                                                              when d.u_outcome < 0.70 then 'REJECTED'
                                                                              when d.u_outcome < 0.78 then 'HELD'
                                                                              when d.u_outcome < 0.88 then 'DUPLICATE'
                                                                              when d.u_outcome < 0.95 then 'OUT_OF_SCOPE'
                                                                              else 'UNANSWERED' end
                                                    when 'ACCEPTED_AWAITING_REVISION' then 'ACCEPTED'
                                                    when 'IN_REVISION' then case when d.u_outcome < 0.8 then 'ACCEPTED'
                                                                                 else 'HELD' end
                                                    when 'HELD_FOR_NEXT_REVISION' then 'HELD' end as outcome
                                          from (select n, ${stage} as stage,
                                                       random() as u_outcome, random() as u_doc, random() as u_org,
                                                       random() as u_type, random() as u_clar, random() as u_other,
                                                       random() as u_group, random() as u_time, random() as u_hour,
                                                       random() as u_section, random() as u_personal, random() as u_delay,
                                                       random() as u_trace, random() as u_day,
                                                       ${gauss} as g1, ${gauss} as g2, ${gauss} as g3, ${gauss} as g4,
                                                       floor(random() * 16)::int + 1 as s1, floor(random() * 16)::int + 1 as s2,
                                                       floor(random() * 16)::int + 1 as s3, floor(random() * 16)::int + 1 as s4,
                                                       floor(random() * 16)::int + 1 as s5, floor(random() * 16)::int + 1 as s6,
                                                       floor(random() * 5)::int as more, floor(random() * 1000)::int as pick,
                                                       1 + floor(random() * 40)::int as person
                                                  from generate_series(1, ${total}) n) d) o
                                  join gen_doc_pick doc
                                    on doc.pool = case o.stage when 'ACCEPTED_AWAITING_REVISION' then 'NO_OPEN_REVISION'
                                                               when 'IN_REVISION' then 'OPEN_REVISION' else 'ALL' end
                                   and o.u_doc >= doc.lo and o.u_doc < doc.hi
                                  join gen_org org on o.u_org >= org.lo and o.u_org < org.hi
                                  join gen_type t on t.outcome = coalesce(o.outcome, 'OPEN')
                                   and o.u_type >= t.lo and o.u_type < t.hi) q) r""".replace("${reviewDays}", REVIEW_DAYS)
                .replace("${groups}", "'" + String.join("', '", EXPERT_GROUPS) + "'")
                .replace("${stage}", stage)
                .replace("${gauss}", gauss)
                .replace("${total}", String.valueOf(volume.finished() + volume.open()));
    }

    /**
     * When each item was submitted, then everything after it forwards from there. Finished items fall in
     * the five years, more of them lately (three times as many a month at the end as at the start), on
     * weekdays in office hours, late enough to have finished by now, and accepted and held ones early
     * enough for a published revision to have answered them. Open items are placed backwards from the
     * moment they entered their stage.
     */
    private static final String TIMES = """
            create temp table gen_time on commit drop as
            select b.*,
                   case when b.clarified then b.submitted_at + b.triage1 * interval '1 second' end as requested_at,
                   case when b.clar_done then b.submitted_at + (b.triage1 + b.clar_s) * interval '1 second' end as clarified_at,
                   case when b.routed then b.submitted_at + b.pre_review * interval '1 second' end as sent_at,
                   case when b.routed then b.submitted_at + b.pre_review * interval '1 second'
                                           + b.review_days * interval '1 day' end as review_due,
                   case when b.clarified then b.submitted_at + b.triage1 * interval '1 second' + interval '14 days'
                        end as clarification_due,
                   case when b.stage in ('IN_TRIAGE', 'AWAITING_CLARIFICATION', 'IN_REVIEW') then null
                        when b.outcome = 'UNANSWERED'
                             then date_trunc('second', b.submitted_at + b.triage1 * interval '1 second' + interval '14 days'
                                                       + (60 + b.u_delay * 1740) * interval '1 second')
                        else b.submitted_at + (b.pre_review + b.review_s) * interval '1 second' end as decided_at
              from (select a.*,
                           date_trunc('second', case a.stage
                               when 'FINISHED' then least(a.latest, date_trunc('day', a.spread)
                                    - case extract(isodow from a.spread) when 6 then 1 + floor(a.u_day * 5)
                                                                         when 7 then 2 + floor(a.u_day * 5) else 0 end * interval '1 day'
                                    + interval '7 hours 30 minutes' + a.u_hour * interval '9 hours')
                               when 'IN_TRIAGE' then ${now} - least(25 * 86400, greatest(60, 1.5 * 86400 * exp(a.g4))) * interval '1 second'
                                    - case when a.clarified then a.triage1 + a.clar_s else 0 end * interval '1 second'
                               when 'AWAITING_CLARIFICATION' then
                                    case when a.u_delay < 0.01 then ${now} - interval '14 days' - a.u_hour * interval '6 hours'
                                         else ${now} - a.u_time * interval '14 days' end - a.triage1 * interval '1 second'
                               when 'IN_REVIEW' then ${now} - a.review_days * least(5, 0.55 * exp(0.75 * a.g4)) * interval '1 day'
                                    - a.pre_review * interval '1 second'
                               else a.decided_anchor - (a.pre_review + a.review_s) * interval '1 second' end) as submitted_at
                      from (select p.*,
                                   ${start} + (p.latest - ${start}) * ((sqrt(1 + 8 * p.u_time) - 1) / 2) as spread,
                                   case p.stage
                                        when 'ACCEPTED_AWAITING_REVISION'
                                             then p.last_published_at + p.u_time * (${now} - interval '1 hour' - p.last_published_at)
                                        when 'IN_REVISION' then case when p.outcome = 'ACCEPTED'
                                             then p.last_published_at + p.u_time * (${now} - interval '1 hour' - p.last_published_at)
                                             else p.last_published_opened + p.u_time * (p.open_opened - p.last_published_opened) end
                                        when 'HELD_FOR_NEXT_REVISION'
                                             then coalesce(p.open_opened, p.last_published_opened) + p.u_time
                                                  * (${now} - interval '1 hour' - coalesce(p.open_opened, p.last_published_opened))
                                        end as decided_anchor
                              from (select c.*,
                                           case c.outcome when 'ACCEPTED' then c.last_published_at - interval '1 day'
                                                          when 'HELD' then c.last_published_opened - interval '1 day'
                                                          else ${now} - interval '1 hour' end
                                           - case when c.outcome = 'UNANSWERED' then c.triage1 + 14 * 86400 + 5400
                                                  else c.pre_review + c.review_s end * interval '1 second' as latest
                                      from (select d.*,
                                                   d.clarified and d.stage <> 'AWAITING_CLARIFICATION'
                                                       and d.outcome is distinct from 'UNANSWERED' as clar_done,
                                                   d.triage1 + case when d.clarified and d.stage <> 'AWAITING_CLARIFICATION'
                                                                         and d.outcome is distinct from 'UNANSWERED'
                                                                    then d.clar_s + d.triage2 else 0 end as pre_review
                                              from gen_draw d) c) p) a) b""";

    /** The answering revision, the catalogue version and section, and the reference in order of submission. */
    private static final String ITEMS = """
            create temp table gen_item on commit drop as
            select x.*, v.version_number,
                   case when x.u_section < 0.15 then null
                        else v.sections[1 + floor((x.u_section - 0.15) / 0.85 * cardinality(v.sections))::int] end as section_id,
                   'GEN-' || lpad((row_number() over (order by x.submitted_at, x.n))::text, ${digits}, '0') as reference
              from (select t.*, w.id as answered_by, w.opened_at as answering_opened, w.published_at as answered_at
                      from gen_time t
                      left join gen_window w on t.stage = 'FINISHED' and w.guidance_id = t.guidance_id
                                            and w.outcome = t.outcome and t.decided_at >= w.lo and t.decided_at < w.hi) x
              join gen_version v on v.document_id = x.guidance_id and x.submitted_at >= v.valid_from
                                and x.submitted_at < v.valid_to""";

    private static final String FEEDBACK = """
            insert into feedback (reference, guidance_id, guidance_version, section_id, feedback_type, description,
                                  submitter, submitter_organisation, status, expert_group, priority, duplicate_of,
                                  contains_personal_data, disposition, disposition_reason, review_due, process_instance_id,
                                  submitted_at, decided_at, status_since, clarification_due, answered_at, outcome,
                                  submitted_month, decided_month, answered_month, review_due_month, decision_seconds,
                                  publication_seconds, triage_seconds, clarification_seconds, review_seconds, revision_seconds)
            select i.reference, i.guidance_id, i.version_number, i.section_id, i.feedback_type,
                   t.sentences[i.s1] || ' ' || t.sentences[i.s2]
                       || case when i.more >= 1 then ' ' || t.sentences[i.s3] else '' end
                       || case when i.more >= 2 then ' ' || t.sentences[i.s4] else '' end
                       || case when i.more >= 3 then ' ' || t.sentences[i.s5] else '' end
                       || case when i.more >= 4 then ' ' || t.sentences[i.s6] else '' end,
                   'gen-' || substr(i.organisation, 5) || '-' || i.person, i.organisation,
                   case when i.stage <> 'FINISHED' then i.stage
                        when i.outcome in ('ACCEPTED', 'HELD') then 'ANSWERED_IN_VERSION' else i.outcome end,
                   i.expert_group, i.priority,
                   case when i.outcome = 'DUPLICATE' then i.previous end,
                   i.u_personal < 0.03,
                   case when i.outcome in ('ACCEPTED', 'REJECTED', 'HELD') then i.outcome end,
                   case i.outcome when 'ACCEPTED' then t.accepted[1 + i.pick % 3] when 'REJECTED' then t.rejected[1 + i.pick % 3]
                                  when 'HELD' then t.held[1 + i.pick % 2] when 'OUT_OF_SCOPE' then t.out_of_scope[1 + i.pick % 2] end,
                   i.review_due, null, i.submitted_at, i.decided_at,
                   case i.stage when 'FINISHED' then coalesce(i.answered_at, i.decided_at)
                                when 'IN_TRIAGE' then coalesce(i.clarified_at, i.submitted_at)
                                when 'AWAITING_CLARIFICATION' then i.requested_at
                                when 'IN_REVIEW' then i.sent_at
                                when 'IN_REVISION' then greatest(i.decided_at, i.open_opened)
                                else i.decided_at end,
                   i.clarification_due, i.answered_at, case when i.decided_at is not null then i.outcome end,
                   to_char(i.submitted_at, 'YYYY-MM'), to_char(i.decided_at, 'YYYY-MM'), to_char(i.answered_at, 'YYYY-MM'),
                   to_char(i.review_due, 'YYYY-MM'),
                   extract(epoch from i.decided_at - i.submitted_at)::bigint,
                   extract(epoch from i.answered_at - i.submitted_at)::bigint,
                   case i.stage when 'IN_TRIAGE' then case when i.clarified then i.triage1 else 0 end
                                when 'AWAITING_CLARIFICATION' then i.triage1
                                else i.triage1 + case when i.clar_done then i.triage2 else 0 end end,
                   case when i.outcome = 'UNANSWERED' and i.stage = 'FINISHED'
                             then extract(epoch from i.decided_at - i.requested_at)::bigint
                        when i.clar_done then i.clar_s else 0 end,
                   case when i.decided_at is not null and i.routed then i.review_s else 0 end,
                   case when i.answered_at is not null then extract(epoch from i.answered_at - i.decided_at)::bigint
                        when i.stage = 'IN_REVISION' then greatest(0, extract(epoch from i.open_opened - i.decided_at)::bigint)
                        else 0 end
              from (select g.*, lag(g.reference) over (partition by g.guidance_id order by g.reference) as previous
                      from gen_item g) i
             cross join gen_text t
             order by i.reference""";

    /** Answered and held items traced in the revision that took them; open ones joined to the open revision. */
    private static final String REVISION_ITEMS = """
            insert into revision_item (revision_id, feedback_reference, trace, trace_section, trace_reason, joined_at)
            select coalesce(i.answered_by, i.open_revision_id), i.reference,
                   case when i.stage = 'IN_REVISION' then null
                        when i.outcome = 'HELD' and i.u_trace < 0.15 then 'NOT_ADDRESSED' else 'ANSWERED' end,
                   case when i.stage = 'FINISHED' and not (i.outcome = 'HELD' and i.u_trace < 0.15)
                        then coalesce(i.section_id, '1') end,
                   case when i.stage = 'FINISHED' and i.outcome = 'HELD' and i.u_trace < 0.15
                        then 'Frågan tas upp när vägledningen ses över i sin helhet.' end,
                   case when i.stage = 'FINISHED' then greatest(i.decided_at, i.answering_opened)
                        else greatest(i.decided_at, i.open_opened) end
              from gen_item i
             where (i.stage = 'FINISHED' and i.answered_by is not null) or i.stage = 'IN_REVISION'
             order by 1, 2""";

    /** Fails the run unless counts, foreign keys and the reporting columns' sums are what they must be. */
    private void check(Statement s, Volume volume) throws SQLException {
        Map<String, String> mustBeZero = new LinkedHashMap<>();
        mustBeZero.put(
                "accepted or held items without a revision to answer them",
                "select count(*) from gen_item where stage = 'FINISHED' and outcome in ('ACCEPTED', 'HELD') "
                        + "and answered_by is null");
        mustBeZero.put(
                "items in the future",
                "select count(*) from gen_item where greatest(submitted_at, decided_at, "
                        + "answered_at, requested_at) > " + literal(now));
        mustBeZero.put(
                "feedback on a version not in guidance_version",
                "select count(*) from feedback f "
                        + "where f.reference like '" + PREFIX + "%' and not exists (select 1 from guidance_version v "
                        + "where v.document_id = f.guidance_id and v.version_number = f.guidance_version)");
        mustBeZero.put(
                "duplicates of unknown feedback",
                "select count(*) from feedback f where f.reference like '"
                        + PREFIX + "%' and f.duplicate_of is not null and not exists "
                        + "(select 1 from feedback o where o.reference = f.duplicate_of)");
        mustBeZero.put(
                "revision items of unknown feedback or revision",
                "select count(*) from revision_item i "
                        + "where not exists (select 1 from feedback f where f.reference = i.feedback_reference) "
                        + "or not exists (select 1 from revision r where r.id = i.revision_id)");
        mustBeZero.put(
                "lead time to decision other than the sum of the stages before it",
                "select count(*) "
                        + "from feedback where reference like '" + PREFIX + "%' and decision_seconds "
                        + "<> triage_seconds + clarification_seconds + review_seconds");
        mustBeZero.put(
                "lead time to publication other than decision plus revision",
                "select count(*) from feedback " + "where reference like '" + PREFIX
                        + "%' and publication_seconds <> decision_seconds + revision_seconds");
        mustBeZero.put(
                "stage times running past the time in the current stage",
                "select count(*) from feedback "
                        + "where reference like '" + PREFIX + "%' and decided_at is null and submitted_at "
                        + "+ (triage_seconds + clarification_seconds) * interval '1 second' <> status_since");
        mustBeZero.put(
                "a negative time",
                "select count(*) from feedback where reference like '" + PREFIX + "%' "
                        + "and least(triage_seconds, clarification_seconds, review_seconds, revision_seconds, decision_seconds) < 0");
        mustBeZero.put(
                "decided items other than the monthly figures count",
                "select (select count(*) from feedback where decided_month is not null) - (select sum(items) "
                        + "from report_count where measure = 'DECIDED')");
        mustBeZero.put(
                "decision times other than the histograms count",
                "select (select count(*) from feedback where decision_seconds is not null) - (select sum(items) "
                        + "from report_histogram where measure = 'DECISION' and expert_group = '*' "
                        + "and guidance_id = '*' and submitter_organisation = '*')");
        for (var check : mustBeZero.entrySet()) {
            try (ResultSet rs = s.executeQuery(check.getValue())) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    throw new IllegalStateException(
                            "Generated data inconsistent: " + rs.getLong(1) + " " + check.getKey());
                }
            }
        }
        long[] present = present();
        if (present[0] != volume.finished() || present[1] != volume.open()) {
            throw new IllegalStateException("Generated %d finished and %d open items, not %d and %d"
                    .formatted(present[0], present[1], volume.finished(), volume.open()));
        }
    }

    /**
     * The reports' monthly figures (V19) of everything in the feedback table, by the migration's own
     * statements: the application keeps them as items move, this load bypasses it.
     */
    private static void monthlyFigures(Statement s) throws SQLException {
        String migration;
        try (var in = ReportDataGenerator.class.getResourceAsStream("/db/migration/V19__report_aggregates.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("V19__report_aggregates.sql not on the class path", e);
        }
        s.executeUpdate("delete from report_count");
        s.executeUpdate("delete from report_histogram");
        String statements = migration
                .lines()
                .filter(line -> !line.strip().startsWith("--"))
                .collect(java.util.stream.Collectors.joining("\n"));
        for (String statement : statements.split(";")) {
            if (statement.strip().startsWith("insert into")) {
                s.executeUpdate(statement);
            }
        }
    }

    private void removeGenerated(Statement s) throws SQLException {
        s.executeUpdate("delete from revision_item where feedback_reference like '" + PREFIX + "%' "
                + "or revision_id in (select id from revision where change_notes = '" + MARK + "')");
        s.executeUpdate("delete from feedback where reference like '" + PREFIX + "%'");
        s.executeUpdate("delete from revision where change_notes = '" + MARK + "'");
    }

    // helpers

    private interface Step {
        void run() throws SQLException;
    }

    private void step(String name, Step step) throws SQLException {
        long started = System.nanoTime();
        step.run();
        out.printf("  %-40s %8s%n", name, seconds(Duration.ofNanos(System.nanoTime() - started)));
    }

    static String seconds(Duration duration) {
        return "%.1f s".formatted(duration.toMillis() / 1000.0);
    }

    private static String literal(Instant instant) {
        return "timestamptz '" + instant + "'";
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
