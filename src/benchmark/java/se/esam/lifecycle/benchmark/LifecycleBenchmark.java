package se.esam.lifecycle.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import se.esam.lifecycle.support.AppNode;
import se.esam.lifecycle.support.PostgresDatabase;

/**
 * The lifecycle benchmark (issue 6), apart from the tests: {@code ./mvnw -Plifecycle-benchmark verify}.
 * <p>
 * Starts the packaged jar in its own JVM ({@link AppNode}) on a fresh PostgreSQL database and drives
 * complete feedback lifecycles (submit, triage, review, disposition) with N concurrent clients over HTTP,
 * two ways on the same BPMN:
 * <ul>
 * <li><b>api</b>: {@code POST /api/feedback} (our validation, idempotency, view building), then the two
 * task completions through {@code /engine-rest};</li>
 * <li><b>plain</b>: {@code POST /engine-rest/process-definition/key/guidance-feedback/start} with the same
 * start variables, then the same two task completions.</li>
 * </ul>
 * The two paths alternate in rounds so that load from elsewhere on the machine hits both alike. Then the
 * reviewer's task-list query is timed with many open review tasks, and start-up time, RSS and the
 * database's growth are measured. Figures go to {@code target/benchmark/lifecycle.json}.
 * <p>
 * Sizes (system properties): {@code benchmark.clients} (4), {@code benchmark.lifecycles} per client and
 * path (100), {@code benchmark.rounds} (2), {@code benchmark.warmup} lifecycles per path (40),
 * {@code benchmark.openTasks} (100000), {@code benchmark.realOpenTasks} created through the process (1000).
 */
class LifecycleBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String TASK_LIST = "/engine-rest/task?candidateGroup=expert-architecture&sortBy=dueDate"
            + "&sortOrder=asc&firstResult=0&maxResults=15";

    private final int clients = Integer.getInteger("benchmark.clients", 4);
    private final int lifecycles = Integer.getInteger("benchmark.lifecycles", 100);
    private final int rounds = Math.max(3, Integer.getInteger("benchmark.rounds", 4));
    private final int warmup = Integer.getInteger("benchmark.warmup", 40);
    private final int openTasks = Integer.getInteger("benchmark.openTasks", 100_000);
    private final int realOpenTasks = Integer.getInteger("benchmark.realOpenTasks", 1_000);
    /**
     * {@code -Dbenchmark.jvmOptions=...}: the packaged jar as it is, with these options, for comparison; without it
     * the application as {@code config/start} runs it (docs/benchmark-lifecycle.md), so start-up and RSS count.
     */
    private final List<String> jvmOptions = System.getProperty("benchmark.jvmOptions") != null
            ? List.of(System.getProperty("benchmark.jvmOptions").trim().split("\\s+"))
            : List.of();

    /** One row of the final table: figure, measured, goal, measured/goal, met. */
    record Goal(String figure, double measured, double goal, String unit) {
        boolean met() {
            return measured <= goal;
        }
    }

    private final List<Goal> goals = new ArrayList<>();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicInteger sequence = new AtomicInteger();
    private String base;

    enum Path2 {
        API,
        PLAIN
    }

    /** One lifecycle's timings in nanoseconds: whole, start, triage (find + complete), review (find + claim + complete). */
    record Timing(long total, long start, long triage, long review) {}

    @Test
    void lifecycle() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", machine());
        report.put("loadAverageAtStart", loadAverage());

        PostgresDatabase database = PostgresDatabase.create(LifecycleBenchmark.class);
        boolean plainJar = System.getProperty("benchmark.jvmOptions") != null;
        if (!plainJar) {
            // part of installing a new version, like packaging: not timed
            AppNode.prepare();
        }
        long launched = System.nanoTime();
        try (AppNode node = plainJar
                ? AppNode.start("benchmark", database.url(), Map.of(), jvmOptions, AppNode.packagedJar())
                : AppNode.start("benchmark", database.url(), Map.of())) {
            double startupSeconds = (System.nanoTime() - launched) / 1e9;
            base = node.baseUrl();
            long pid = node.pid();
            Map<String, Object> startup = new LinkedHashMap<>();
            startup.put("secondsUntilHealthy", round(startupSeconds, 1));
            startup.put("rssMiBAfterStart", rssMiB(pid));
            startup.put("jvm", jvmOptionsAsRun(pid));
            report.put("startup", startup);
            goals.add(new Goal("start-up until healthy", round(startupSeconds, 1), 8, "s"));
            Long rss = (Long) startup.get("rssMiBAfterStart");
            goals.add(new Goal("RSS after start", rss == null ? Double.NaN : rss, 350, "MiB"));
            log("started in %.1f s, RSS %s MiB", startupSeconds, startup.get("rssMiBAfterStart"));

            // warm-up: JIT, connection pools, caches; not measured
            runBatch(Path2.API, clients, Math.max(1, warmup / clients));
            runBatch(Path2.PLAIN, clients, Math.max(1, warmup / clients));
            log("warmed up");

            // autovacuum frees dead row versions about once a minute; this benchmark runs hundreds of lifecycles a
            // minute, so it vacuums after warm-up and after each round in its place: growth is then what the
            // lifecycles keep (live rows and their indexes), not dead versions that later lifecycles reuse
            vacuum(database);
            long sizeBefore = databaseSize(database);
            Map<String, Long> tablesBefore = tableSizes(database);
            Map<String, Long> historyRowsBefore = historyRows(database);
            // the CHECKPOINT of the size measurement makes the next writes to every page log the whole page; the
            // first measured batch (API in round 1) paid for that alone, so both paths settle first, unmeasured
            // but counted in the growth
            int settled = runBatch(Path2.PLAIN, clients, 2).size()
                    + runBatch(Path2.API, clients, 2).size();
            Map<Path2, List<Timing>> timings = new HashMap<>();
            Map<Path2, Double> seconds = new HashMap<>();
            int perRound = Math.max(1, lifecycles / rounds);
            List<Map<String, Object>> perRoundRatios = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                Map<Path2, List<Timing>> thisRound = new HashMap<>();
                Map<Path2, Double> thisRoundSeconds = new HashMap<>();
                for (Path2 path : r % 2 == 0 ? List.of(Path2.API, Path2.PLAIN) : List.of(Path2.PLAIN, Path2.API)) {
                    long t0 = System.nanoTime();
                    List<Timing> batch = runBatch(path, clients, perRound);
                    double s = (System.nanoTime() - t0) / 1e9;
                    timings.computeIfAbsent(path, p -> new ArrayList<>()).addAll(batch);
                    seconds.merge(path, s, Double::sum);
                    thisRound.put(path, batch);
                    thisRoundSeconds.put(path, s);
                    log(
                            "round %d %s: %d lifecycles in %.1f s (%.1f/s), load %s",
                            r + 1, path, batch.size(), s, batch.size() / s, loadAverage());
                }
                Map<String, Object> roundRatio = new LinkedHashMap<>();
                roundRatio.put("round", r + 1);
                roundRatio.put("order", r % 2 == 0 ? "api, plain" : "plain, api");
                roundRatio.put(
                        "throughputPlainOverApi",
                        round(
                                (thisRound.get(Path2.PLAIN).size() / thisRoundSeconds.get(Path2.PLAIN))
                                        / (thisRound.get(Path2.API).size() / thisRoundSeconds.get(Path2.API)),
                                3));
                roundRatio.put(
                        "p99ApiOverPlain",
                        round(
                                (double) percentile(totals(thisRound.get(Path2.API)), 99)
                                        / percentile(totals(thisRound.get(Path2.PLAIN)), 99),
                                3));
                roundRatio.put("loadAverage", loadAverage());
                vacuum(database);
                perRoundRatios.add(roundRatio);
            }
            long sizeAfter = databaseSize(database);
            int measured = timings.values().stream().mapToInt(List::size).sum() + settled;

            Map<String, Object> lifecycle = new LinkedHashMap<>();
            lifecycle.put("clients", clients);
            lifecycle.put("lifecyclesPerPath", timings.get(Path2.API).size());
            lifecycle.put("rounds", rounds);
            Map<String, Object> api = figures(timings.get(Path2.API), seconds.get(Path2.API));
            Map<String, Object> plain = figures(timings.get(Path2.PLAIN), seconds.get(Path2.PLAIN));
            lifecycle.put("api", api);
            lifecycle.put("plain", plain);
            Map<String, Object> ratio = new LinkedHashMap<>();
            ratio.put(
                    "throughputPlainOverApi",
                    round((double) plain.get("lifecyclesPerSecond") / (double) api.get("lifecyclesPerSecond"), 3));
            ratio.put("p50ApiOverPlain", round((double) api.get("p50Ms") / (double) plain.get("p50Ms"), 3));
            ratio.put("p99ApiOverPlain", round((double) api.get("p99Ms") / (double) plain.get("p99Ms"), 3));
            ratio.put("startStepP50ApiOverPlain", round(stepP50(api, "start") / stepP50(plain, "start"), 3));
            lifecycle.put("ratio", ratio);
            lifecycle.put("ratioPerRound", perRoundRatios);
            goals.add(new Goal(
                    "lifecycle throughput, plain /engine-rest over our API (" + rounds + " alternating rounds)",
                    (double) ratio.get("throughputPlainOverApi"),
                    1.0,
                    ""));
            goals.add(new Goal(
                    "lifecycle p99, our API over plain /engine-rest", (double) ratio.get("p99ApiOverPlain"), 1.0, ""));
            lifecycle.put("loadAverageAfter", loadAverage());
            report.put("lifecycle", lifecycle);

            Map<String, Object> growth = new LinkedHashMap<>();
            growth.put("lifecycles", measured);
            growth.put(
                    "how",
                    "pg_database_size after CHECKPOINT, before and after the measured rounds; VACUUM (not FULL) after "
                            + "warm-up and after each round, as autovacuum would, so dead row versions are reused");
            growth.put("bytesBefore", sizeBefore);
            growth.put("bytesAfter", sizeAfter);
            Map<String, Long> tablesAfter = tableSizes(database);
            Map<String, Object> byTable = new LinkedHashMap<>();
            tablesAfter.entrySet().stream()
                    .sorted((x, y) -> Long.compare(
                            y.getValue() - tablesBefore.getOrDefault(y.getKey(), 0L),
                            x.getValue() - tablesBefore.getOrDefault(x.getKey(), 0L)))
                    .limit(12)
                    .forEach(e -> byTable.put(
                            e.getKey(),
                            round(
                                    (e.getValue() - tablesBefore.getOrDefault(e.getKey(), 0L))
                                            / 1048576.0
                                            * 10_000
                                            / measured,
                                    1)));
            growth.put("largestMiBPer10000LifecyclesByTable", byTable);
            growth.put("historyRowsPerLifecycle", perLifecycle(historyRowsBefore, historyRows(database), measured));
            growth.put("mibPer10000Lifecycles", round((sizeAfter - sizeBefore) / 1048576.0 * 10_000 / measured, 1));
            report.put("databaseGrowth", growth);
            goals.add(new Goal(
                    "database growth per 10,000 lifecycles", (double) growth.get("mibPer10000Lifecycles"), 500, "MiB"));
            log("api %s | plain %s | ratio %s | growth %s", api, plain, ratio, growth);

            report.put("taskList", taskList(database));
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("rssMiB", rssMiB(pid));
            end.put("loadAverage", loadAverage());
            report.put("atEnd", end);
        }

        report.put(
                "goals",
                goals.stream()
                        .map(g -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("figure", g.figure());
                            row.put("measured", g.measured());
                            row.put("unit", g.unit());
                            row.put("goal", g.goal());
                            row.put("ratio", round(g.measured() / g.goal(), 3));
                            row.put("met", g.met());
                            return row;
                        })
                        .toList());
        Path out = Path.of("target", "benchmark", "lifecycle.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, JSON.writeValueAsString(report));
        System.out.println("[benchmark] " + out.toAbsolutePath() + "\n" + JSON.writeValueAsString(report));
        System.out.println(table());
    }

    /** The final table: every figure of issue 16 this benchmark owns, with its goal. */
    private String table() {
        StringBuilder t = new StringBuilder("\n[benchmark] | figure | measured | goal | ratio | met? |\n");
        t.append("[benchmark] |---|---|---|---|---|\n");
        for (Goal g : goals) {
            t.append(String.format(
                    Locale.ROOT,
                    "[benchmark] | %s | %s%s | %s%s | %.2f | %s |%n",
                    g.figure(),
                    plain(g.measured()),
                    g.unit().isEmpty() ? "" : " " + g.unit(),
                    g.unit().isEmpty() ? "≤ " : "≤ ",
                    plain(g.goal()) + (g.unit().isEmpty() ? "" : " " + g.unit()),
                    g.measured() / g.goal(),
                    g.met() ? "yes" : "NO"));
        }
        return t.toString();
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static List<Long> totals(List<Timing> timings) {
        return timings.stream().map(Timing::total).toList();
    }

    // ---- lifecycles

    private List<Timing> runBatch(Path2 path, int threads, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Timing>>> futures = new ArrayList<>();
            for (int c = 0; c < threads; c++) {
                futures.add(pool.submit(() -> {
                    List<Timing> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(lifecycle(path));
                    }
                    return mine;
                }));
            }
            List<Timing> all = new ArrayList<>();
            for (Future<List<Timing>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    private Timing lifecycle(Path2 path) throws Exception {
        long t0 = System.nanoTime();
        String key = start(path);
        long t1 = System.nanoTime();
        String triage = task("karin", "TriageFeedback", key);
        expect(
                204,
                send(
                        "karin",
                        "POST",
                        "/engine-rest/task/" + triage + "/submit-form",
                        Map.of(
                                "variables",
                                Map.of(
                                        "triageDecision",
                                        value("route"),
                                        "expertGroup",
                                        value("expert-architecture"),
                                        "priority",
                                        value("NORMAL")))));
        long t2 = System.nanoTime();
        String review = task("erik", "ReviewFeedback", key);
        expect(204, send("erik", "POST", "/engine-rest/task/" + review + "/claim", Map.of("userId", "erik")));
        expect(
                204,
                send(
                        "erik",
                        "POST",
                        "/engine-rest/task/" + review + "/submit-form",
                        Map.of(
                                "variables",
                                Map.of(
                                        "disposition",
                                        value("REJECTED"),
                                        "dispositionReason",
                                        value("Exemplen finns redan i bilaga 2.")))));
        long t3 = System.nanoTime();
        return new Timing(t3 - t0, t1 - t0, t2 - t1, t3 - t2);
    }

    /** Starts one feedback process; returns its business key (the reference). */
    private String start(Path2 path) throws Exception {
        String description = "Benchmark " + sequence.incrementAndGet() + ": exempel för kommuner saknas.";
        if (path == Path2.API) {
            HttpResponse<String> response = expect(
                    201,
                    send(
                            "anna",
                            "POST",
                            "/api/feedback",
                            Map.of(
                                    "guidanceId",
                                    "digital-samverkan",
                                    "sectionId",
                                    "2.1",
                                    "type",
                                    "GAP",
                                    "description",
                                    description)));
            return (String) JSON.readValue(response.body(), Map.class).get("reference");
        }
        HttpResponse<String> response = expect(
                200,
                send(
                        "anna",
                        "POST",
                        "/engine-rest/process-definition/key/guidance-feedback/start",
                        Map.of(
                                "variables",
                                Map.of(
                                        "guidanceId",
                                        value("digital-samverkan"),
                                        "guidanceVersion",
                                        value("4.1"),
                                        "sectionId",
                                        value("2.1"),
                                        "feedbackType",
                                        value("GAP"),
                                        "description",
                                        value(description)))));
        String key = (String) JSON.readValue(response.body(), Map.class).get("businessKey");
        if (key == null) {
            throw new IllegalStateException("no business key in the start response: " + response.body());
        }
        return key;
    }

    private String task(String user, String definitionKey, String businessKey) throws Exception {
        HttpResponse<String> response = expect(
                200,
                send(
                        user,
                        "GET",
                        "/engine-rest/task?taskDefinitionKey="
                                + definitionKey + "&processInstanceBusinessKey="
                                + URLEncoder.encode(businessKey, StandardCharsets.UTF_8),
                        null));
        List<Map<String, Object>> found = JSON.readValue(response.body(), new TypeReference<>() {});
        if (found.size() != 1) {
            throw new IllegalStateException(definitionKey + " of " + businessKey + ": " + response.body());
        }
        return (String) found.get(0).get("id");
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    private Map<String, Object> figures(List<Timing> timings, double seconds) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("lifecycles", timings.size());
        f.put("seconds", round(seconds, 2));
        f.put("lifecyclesPerSecond", round(timings.size() / seconds, 2));
        List<Long> total = timings.stream().map(Timing::total).toList();
        f.put("p50Ms", ms(percentile(total, 50)));
        f.put("p99Ms", ms(percentile(total, 99)));
        Map<String, Object> steps = new LinkedHashMap<>();
        steps.put("start", stepFigures(timings.stream().map(Timing::start).toList()));
        steps.put("triage", stepFigures(timings.stream().map(Timing::triage).toList()));
        steps.put("review", stepFigures(timings.stream().map(Timing::review).toList()));
        f.put("steps", steps);
        return f;
    }

    private static Map<String, Object> stepFigures(List<Long> values) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("p50Ms", ms(percentile(values, 50)));
        s.put("p99Ms", ms(percentile(values, 99)));
        return s;
    }

    @SuppressWarnings("unchecked")
    private static double stepP50(Map<String, Object> figures, String step) {
        return (double) ((Map<String, Object>) ((Map<String, Object>) figures.get("steps")).get(step)).get("p50Ms");
    }

    // ---- task list with many open review tasks

    private Map<String, Object> taskList(PostgresDatabase database) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("query", "GET " + TASK_LIST + " as erik");
        List<Map<String, Object>> ladder = new ArrayList<>();
        ladder.add(timeTaskList(database, 50));

        // real open review tasks: submitted through our API and routed at triage by the engine
        int real = Math.min(realOpenTasks, openTasks);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            AtomicInteger left = new AtomicInteger(real);
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        String key = start(Path2.API);
                        String triage = task("karin", "TriageFeedback", key);
                        expect(
                                204,
                                send(
                                        "karin",
                                        "POST",
                                        "/engine-rest/task/" + triage + "/submit-form",
                                        Map.of(
                                                "variables",
                                                Map.of(
                                                        "triageDecision",
                                                        value("route"),
                                                        "expertGroup",
                                                        value("expert-architecture"),
                                                        "priority",
                                                        value("NORMAL")))));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> creation = new LinkedHashMap<>();
        creation.put("throughProcess", real);
        creation.put("throughProcessSeconds", round(seconds, 1));
        creation.put("throughProcessPerSecond", round(real / seconds, 1));
        creation.put("estimatedMinutesFor" + openTasks + "ThroughProcess", round(openTasks / (real / seconds) / 60, 1));
        creation.put(
                "how",
                "the first " + real + " through the process (POST /api/feedback, triage routed to "
                        + "expert-architecture); the rest copies of those real open review instances made in SQL: their rows in "
                        + "act_ru_execution, act_ru_task (due dates spread over 1000 minutes), act_ru_identitylink (candidate "
                        + "group) and act_ru_authorization (per task and per instance), with new ids; no variables, timers "
                        + "or history for the copies (the task-list query reads none of them); ANALYZE afterwards");
        log("%d open review tasks through the process in %.1f s (%.1f/s)", real, seconds, real / seconds);
        result.put("creation", creation);
        // right after a thousand tasks appeared the planner still has the statistics of a near-empty table, and
        // PostgreSQL's autovacuum analyzes such a table within about a minute (10 % of its rows changed, a naptime of
        // one minute): timed once as it is then, and once after the ANALYZE autovacuum would have made
        Map<String, Object> staleStatistics = timeTaskList(database, 50);
        staleStatistics.put("statistics", "as left before the tasks were created (no ANALYZE yet)");
        ladder.add(staleStatistics);
        analyze(database);
        Map<String, Object> analyzed = timeTaskList(database, 50);
        analyzed.put("statistics", "after ANALYZE, as autovacuum leaves them within about a minute");
        ladder.add(analyzed);

        // PostgreSQL may plan the query's authorization join as a nested loop over all matching authorization rows
        // for every task (time growing with the square of the open tasks, see docs/benchmark-lifecycle.md): over
        // HTTP up to httpLadderMax, then the full size: its SQL in the database, as planned and with the planner kept
        // from materialising the authorization rows, then over HTTP if the plan is quick enough
        int httpMax = Integer.getInteger("benchmark.httpLadderMax", 10_000);
        int copies = 0;
        int[] steps = {2_000, 5_000, 10_000, 20_000, 50_000, 100_000};
        int[] samples = {30, 20, 60, 3, 3, 60};
        for (int i = 0; i < steps.length; i++) {
            int target = Math.min(steps[i], openTasks);
            if (target <= real + copies) {
                continue;
            }
            int perTemplate = (target - real) / real;
            long c0 = System.nanoTime();
            cloneOpenReviews(database, copies / real + 1, perTemplate);
            copies = perTemplate * real;
            log("open review tasks cloned up to %d in %.1f s", real + copies, (System.nanoTime() - c0) / 1e9);
            boolean goal = steps[i] == 10_000 || steps[i] == 100_000;
            if (real + copies <= httpMax) {
                ladder.add(timeTaskList(database, samples[i], goal));
            } else if (real + copies == openTasks || steps[i] == 100_000) {
                Map<String, Object> sql = timeTaskListSql(database, samples[i]);
                ladder.add(sql);
                // over HTTP too unless the database alone already took too long
                if (sql.get("asPlannedMs") instanceof Double planned && planned < 10_000) {
                    ladder.add(timeTaskList(database, samples[i], goal));
                }
            }
            if (real + copies >= openTasks) {
                break;
            }
        }
        result.put("ladder", ladder);
        return result;
    }

    /** The SQL Camunda runs for the task-list query as erik (captured with auto_explain), timed in the database. */
    private Map<String, Object> timeTaskListSql(PostgresDatabase database, int times) throws Exception {
        String sql =
                "select distinct RES.* from ACT_RU_TASK RES inner join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ "
                        + "left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ left join (SELECT A.* FROM ACT_RU_AUTHORIZATION A "
                        + "WHERE A.TYPE_ < 2 AND (A.USER_ID_ in ('erik','*') OR A.GROUP_ID_ IN ('expert-architecture',"
                        + "'org-skatteverket')) AND ((A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2) OR (A.RESOURCE_TYPE_ = 6 AND "
                        + "A.PERMS_ & 64 = 64))) AUTH ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')) where RES.ASSIGNEE_ is null "
                        + "and I.TYPE_ = 'candidate' and I.GROUP_ID_ in ('expert-architecture') and ((RES.CASE_EXECUTION_ID_ IS "
                        + "NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL)) and RES.TENANT_ID_ is null order by RES.DUE_DATE_ asc "
                        + "LIMIT 15 OFFSET 0";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(
                "openTasksInGroup",
                count(
                        database,
                        "select count(*) from act_ru_task t join act_ru_identitylink l on "
                                + "l.task_id_ = t.id_ where l.group_id_ = 'expert-architecture' and l.type_ = 'candidate'"));
        f.put("measuredAs", "the query's SQL in the database (JDBC), not over HTTP");
        try (Connection c = DriverManager.getConnection(database.url(), "postgres", "");
                Statement s = c.createStatement()) {
            List<Long> withoutMaterialize = new ArrayList<>();
            s.execute("set enable_material = off");
            for (int i = 0; i < times; i++) {
                long t0 = System.nanoTime();
                s.executeQuery(sql).close();
                withoutMaterialize.add(System.nanoTime() - t0);
            }
            s.execute("reset enable_material");
            f.put("withEnableMaterialOffP50Ms", ms(percentile(withoutMaterialize, 50)));
            s.execute("set statement_timeout = '" + Integer.getInteger("benchmark.sqlTimeoutSeconds", 60) + "s'");
            long t0 = System.nanoTime();
            try {
                s.executeQuery(sql).close();
                f.put("asPlannedMs", ms(System.nanoTime() - t0));
            } catch (SQLException timeout) {
                f.put("asPlannedMs", "more than " + ms(System.nanoTime() - t0) + " (statement timeout)");
            }
        }
        f.put("loadAverage", loadAverage());
        log("task-list SQL: %s", f);
        return f;
    }

    private Map<String, Object> timeTaskList(PostgresDatabase database, int times) throws Exception {
        return timeTaskList(database, times, false);
    }

    /** With {@code goal}, the p95 is a row of the final table (issue 16: at most 50 ms at 10k and 100k). */
    private Map<String, Object> timeTaskList(PostgresDatabase database, int times, boolean goal) throws Exception {
        long open = count(
                database,
                "select count(*) from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_ "
                        + "where l.group_id_ = 'expert-architecture' and l.type_ = 'candidate'");
        for (int i = 0; i < (times >= 10 ? 5 : 1); i++) {
            send("erik", "GET", TASK_LIST, null);
        }
        List<Long> latencies = new ArrayList<>();
        int returned = 0;
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = expect(200, send("erik", "GET", TASK_LIST, null));
            latencies.add(System.nanoTime() - t0);
            returned = JSON.readValue(response.body(), List.class).size();
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("openTasksInGroup", open);
        f.put("measuredAs", "HTTP, as erik");
        f.put("tasksReturned", returned);
        f.put("samples", times);
        f.put("p50Ms", ms(percentile(latencies, 50)));
        f.put("p95Ms", ms(percentile(latencies, 95)));
        f.put("p99Ms", ms(percentile(latencies, 99)));
        f.put("loadAverage", loadAverage());
        log("task list at %d open tasks: %s", open, f);
        if (goal) {
            goals.add(new Goal(
                    String.format(Locale.ROOT, "task list p95, first page as erik, %,d open tasks", open),
                    ms(percentile(latencies, 95)),
                    50,
                    "ms"));
        }
        return f;
    }

    /** Copies number {@code from} to {@code to} of every real open review instance (ids suffixed ~{n}). */
    private static void cloneOpenReviews(PostgresDatabase database, int from, int to) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), "postgres", "");
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("create temp table tmpl_pi as select distinct t.proc_inst_id_ id from act_ru_task t "
                    + "where t.task_def_key_ = 'ReviewFeedback' and t.id_ not like '%~%'");
            s.execute("create temp table tmpl_task as select t.id_ id from act_ru_task t "
                    + "where t.task_def_key_ = 'ReviewFeedback' and t.id_ not like '%~%'");
            s.execute("create temp table g as select generate_series(" + from + ", " + to + ") n");
            insertCopies(
                    s,
                    "act_ru_execution",
                    "proc_inst_id_ in (select id from tmpl_pi)",
                    List.of("id_", "root_proc_inst_id_", "proc_inst_id_", "parent_id_", "super_exec_", "business_key_"),
                    Map.of());
            insertCopies(
                    s,
                    "act_ru_task",
                    "id_ in (select id from tmpl_task)",
                    List.of("id_", "execution_id_", "proc_inst_id_", "root_proc_inst_id_"),
                    Map.of("due_date_", "x.due_date_ + (g.n % 1000) * interval '1 minute'"));
            insertCopies(
                    s,
                    "act_ru_identitylink",
                    "task_id_ in (select id from tmpl_task)",
                    List.of("id_", "task_id_"),
                    Map.of());
            insertCopies(
                    s,
                    "act_ru_authorization",
                    "resource_id_ in (select id from tmpl_task union all " + "select id from tmpl_pi)",
                    List.of("id_", "resource_id_", "root_proc_inst_id_"),
                    Map.of());
            c.commit();
            c.setAutoCommit(true);
            s.execute("analyze");
        }
    }

    /** Inserts n copies of the matching rows, the given id columns suffixed with ~{n}. */
    private static void insertCopies(
            Statement s, String table, String where, List<String> idColumns, Map<String, String> overrides)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select column_name from information_schema.columns where table_name = '"
                + table + "' and table_schema = current_schema() order by ordinal_position")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        List<String> expressions = columns.stream()
                .map(col -> overrides.containsKey(col)
                        ? overrides.get(col)
                        : idColumns.contains(col) ? "x." + col + " || '~' || g.n" : "x." + col)
                .toList();
        s.executeUpdate("insert into " + table + " (" + String.join(", ", columns) + ") select "
                + String.join(", ", expressions) + " from " + table + " x cross join g where x." + where);
    }

    // ---- HTTP, database, machine

    private HttpResponse<String> send(String user, String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(300))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " "
                    + response.request().uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    /**
     * The options as the application's JVM got them (its command line up to the class path or jar, as
     * {@code config/start} or the plain jar's command gave them): an argument file's lines without comments.
     */
    private static String jvmOptionsAsRun(long pid) {
        List<String> options = new ArrayList<>();
        for (String argument : ProcessHandle.of(pid)
                .flatMap(p -> p.info().arguments())
                .map(List::of)
                .orElse(List.of())) {
            if (argument.equals("-cp") || argument.equals("-jar")) {
                break;
            }
            options.add(argument);
        }
        List<String> all = new ArrayList<>();
        for (String option : options) {
            if (!option.startsWith("@")) {
                all.add(option);
                continue;
            }
            try {
                for (String line : Files.readAllLines(Path.of(option.substring(1)))) {
                    String bare = line.replaceAll("#.*", "").trim();
                    if (!bare.isEmpty()) {
                        all.add(bare);
                    }
                }
            } catch (java.io.IOException e) {
                all.add(option);
            }
        }
        return String.join(" ", all);
    }

    private static void analyze(PostgresDatabase database) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("analyze");
        }
    }

    private static void vacuum(PostgresDatabase database) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("vacuum");
        }
    }

    private static long databaseSize(PostgresDatabase database) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("checkpoint");
            return count(s, "select pg_database_size(current_database())");
        }
    }

    /**
     * What the largest history tables hold, by kind of row: activity instances by activity type, variables by
     * name, job log entries by state (0 created, 1 failed, 2 succeeded, 3 deleted), operation log by operation.
     */
    private static Map<String, Long> historyRows(PostgresDatabase database) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(database.url(), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 'act_hi_actinst ' || act_type_, count(*) from act_hi_actinst "
                        + "group by 1 union all select 'act_hi_varinst ' || name_, count(*) from act_hi_varinst "
                        + "group by 1 union all select 'act_hi_job_log state ' || job_state_, count(*) from "
                        + "act_hi_job_log group by 1 union all select 'act_hi_op_log ' || operation_type_, count(*) "
                        + "from act_hi_op_log group by 1")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        return rows;
    }

    /** Rows added per lifecycle, by kind, largest first; kinds under 0.05 a lifecycle left out. */
    private static Map<String, Object> perLifecycle(Map<String, Long> before, Map<String, Long> after, int lifecycles) {
        Map<String, Object> added = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(e -> Map.entry(
                        e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) lifecycles))
                .filter(e -> e.getValue() >= 0.05)
                .sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
                .forEach(e -> added.put(e.getKey(), round(e.getValue(), 2)));
        return added;
    }

    /** Each table's size with its indexes and TOAST. */
    private static Map<String, Long> tableSizes(PostgresDatabase database) throws SQLException {
        Map<String, Long> sizes = new HashMap<>();
        try (Connection c = DriverManager.getConnection(database.url(), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select relname, pg_total_relation_size(oid) from pg_class "
                        + "where relkind = 'r' and relnamespace = 'public'::regnamespace")) {
            while (rs.next()) {
                sizes.put(rs.getString(1), rs.getLong(2));
            }
        }
        return sizes;
    }

    private static long count(PostgresDatabase database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), "postgres", "");
                Statement s = c.createStatement()) {
            return count(s, sql);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Long rssMiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
                    .orElse(null);
        } catch (Exception e) {
            return null;
        }
    }

    private static String loadAverage() {
        try {
            return String.join(
                    " ",
                    List.of(Files.readString(Path.of("/proc/loadavg")).split(" "))
                            .subList(0, 3));
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.version"));
        return m;
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6, 1);
    }

    private static double round(double value, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(value * f) / f;
    }

    private static void log(String format, Object... args) {
        System.out.println("[benchmark] " + String.format(Locale.ROOT, format, args));
    }
}
