package se.esam.lifecycle.benchmark;

import java.io.IOException;
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
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import se.esam.lifecycle.GuidanceLifecycleApplication;

/**
 * How fast the manager reports answer over years of history (issue 5): starts the application against
 * its own PostgreSQL database {@value #DATABASE} (created if missing, reused if there), fills it with
 * {@link ReportDataGenerator} unless the data is there, then calls every report over HTTP as the
 * manager mats, a few times to warm up and then {@code benchmark.runs} times each, per scenario: the
 * default period (the last twelve months), five years, and the last twelve months of one expert group
 * and of one organisation. Prints p50, p90 and max per report and writes them to
 * {@code target/benchmark/reports.json}.
 *
 * <p>Run with {@code ./mvnw -Pbenchmark verify}; never part of the ordinary build. Server and user come
 * from {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD} (default 127.0.0.1:5432,
 * postgres, no password); the volume and the number of calls from the system properties
 * {@code benchmark.finished}, {@code benchmark.open}, {@code benchmark.warmup} and {@code benchmark.runs};
 * {@code benchmark.responses} names a folder to keep the last answer of every report in, to compare the
 * figures before and after a change.
 */
public final class ReportBenchmark {

    static final String DATABASE = "gl_report_bench";

    private static final String HOST = env("PGHOST", "127.0.0.1");
    private static final String PORT = env("PGPORT", "5432");
    private static final String USER = env("PGUSER", "postgres");
    private static final String PASSWORD = env("PGPASSWORD", "");
    private static final String MANAGER = "mats";

    /** Issue 16: every report's p90 at most this, for any period up to five years and any filter. */
    static final double GOAL_P90_MS = 500;

    record Report(String name, String path) {}

    record Scenario(String name, Map<String, String> params) {}

    record Result(
            String scenario,
            String report,
            String url,
            int status,
            long bytes,
            double p50Ms,
            double p90Ms,
            double maxMs,
            double goalP90Ms,
            double ratio,
            boolean met,
            List<Double> samplesMs) {}

    private static final List<Report> REPORTS = List.of(
            new Report("backlog", "/api/reports/backlog"),
            new Report("lead-times", "/api/reports/lead-times"),
            new Report("outcomes", "/api/reports/outcomes"),
            new Report("throughput", "/api/reports/throughput"),
            new Report("deadlines", "/api/reports/deadlines"),
            new Report("drill-down decided", "/api/reports/feedback?figure=decided"),
            new Report("csv outcomes-by-org", "/api/reports/csv/outcomes-by-organisation"));

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String authorization =
            "Basic " + Base64.getEncoder().encodeToString((MANAGER + ":" + MANAGER).getBytes(StandardCharsets.UTF_8));
    private final int warmup = Integer.getInteger("benchmark.warmup", 2);
    private final int runs = Integer.getInteger("benchmark.runs", 10);
    private final Path responses = System.getProperty("benchmark.responses", "").isBlank()
            ? null
            : Path.of(System.getProperty("benchmark.responses"));
    private String base;

    public static void main(String[] args) throws Exception {
        int exit = 0;
        try {
            new ReportBenchmark().run();
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        }
        // the engine's and Tomcat's threads are gone with the context; this also ends any stragglers
        System.exit(exit);
    }

    private void run() throws Exception {
        ReportDataGenerator.Volume volume = new ReportDataGenerator.Volume(
                Integer.getInteger("benchmark.finished", ReportDataGenerator.Volume.ISSUE_5.finished()),
                Integer.getInteger("benchmark.open", ReportDataGenerator.Volume.ISSUE_5.open()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "machine",
                Map.of(
                        "cores",
                        Runtime.getRuntime().availableProcessors(),
                        "os",
                        System.getProperty("os.name") + " " + System.getProperty("os.version"),
                        "java",
                        System.getProperty("java.version")));
        json.put("startedAt", Instant.now().toString());

        boolean created = createDatabaseIfMissing();
        System.out.printf("%nDatabase %s on %s:%s: %s%n", DATABASE, HOST, PORT, created ? "created" : "reused");

        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = startApplication()) {
            base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            System.out.printf(
                    "Application started in %s at %s%n",
                    ReportDataGenerator.seconds(Duration.ofNanos(System.nanoTime() - started)), base);

            Map<String, Object> data = new LinkedHashMap<>();
            String organisation;
            try (Connection connection = DriverManager.getConnection(url(DATABASE), USER, PASSWORD)) {
                System.out.printf(
                        "Data: %,d finished and %,d open feedback items wanted%n", volume.finished(), volume.open());
                ReportDataGenerator.Outcome outcome =
                        new ReportDataGenerator(connection, Instant.now(), System.out).ensure(volume);
                System.out.printf(
                        "%s: %,d finished and %,d open items (GEN-…), %d revisions%n",
                        outcome.generated()
                                ? "Generated in " + ReportDataGenerator.seconds(outcome.took())
                                : "Reused the data already there",
                        outcome.finished(),
                        outcome.open(),
                        outcome.revisions());
                data.put("generated", outcome.generated());
                data.put("generationSeconds", outcome.took().toMillis() / 1000.0);
                data.put("finished", outcome.finished());
                data.put("open", outcome.open());
                data.put("revisions", outcome.revisions());
                // the V19 migration fills the monthly figures in one insert; autovacuum analyses them a few
                // minutes later, the benchmark at once (before that the planner takes them for empty)
                try (Statement s = connection.createStatement()) {
                    long analysed = System.nanoTime();
                    s.execute("vacuum (analyze) report_count, report_histogram");
                    System.out.printf(
                            "Analysed the monthly figures in %s%n",
                            ReportDataGenerator.seconds(Duration.ofNanos(System.nanoTime() - analysed)));
                }
                data.put("sizes", sizes(connection));
                organisation = busiestOrganisation(connection);
            }
            json.put("data", data);

            YearMonth now = YearMonth.now(RevisionSchedule.ZONE);
            List<Scenario> scenarios = List.of(
                    new Scenario("12 months", Map.of()),
                    new Scenario("5 years", Map.of("from", now.minusMonths(59).toString(), "to", now.toString())),
                    new Scenario("12 months, one group", Map.of("expertGroup", "expert-architecture")),
                    new Scenario("12 months, one org", Map.of("organisation", organisation)),
                    // the worst filters over the longest period: each filter combination reads its own figures
                    new Scenario(
                            "5 years, one org",
                            Map.of(
                                    "from",
                                    now.minusMonths(59).toString(),
                                    "to",
                                    now.toString(),
                                    "organisation",
                                    organisation)),
                    new Scenario(
                            "5 years, group+document",
                            Map.of(
                                    "from",
                                    now.minusMonths(59).toString(),
                                    "to",
                                    now.toString(),
                                    "expertGroup",
                                    "expert-architecture",
                                    "guidanceId",
                                    "digital-samverkan")),
                    new Scenario(
                            "5 years, document+org",
                            Map.of(
                                    "from",
                                    now.minusMonths(59).toString(),
                                    "to",
                                    now.toString(),
                                    "guidanceId",
                                    "digital-samverkan",
                                    "organisation",
                                    organisation)));
            System.out.printf(
                    "%nCalling each report as %s: %d warm-up and %d measured calls per scenario%n",
                    MANAGER, warmup, runs);
            scenarios.forEach(s -> System.out.printf(
                    "  %-22s %s%n",
                    s.name(), s.params().isEmpty() ? "(no parameters: the last twelve months)" : s.params()));
            List<Result> results = new ArrayList<>();
            double loadBefore = loadAverage();
            long[] tempBefore = temporaryFiles();
            for (Scenario scenario : scenarios) {
                for (Report report : REPORTS) {
                    Result result = measure(scenario, report);
                    results.add(result);
                    System.out.printf(
                            "  %-22s %-22s p50 %6.0f ms  p90 %6.0f ms  max %6.0f ms  (%s, %,d bytes)%n",
                            scenario.name(),
                            report.name(),
                            result.p50Ms(),
                            result.p90Ms(),
                            result.maxMs(),
                            result.status(),
                            result.bytes());
                }
            }
            long[] tempAfter = temporaryFiles();
            double loadAfter = loadAverage();
            // other work on the machine slows the calls down; sorts that spill to disk show as temporary files
            System.out.printf(
                    "%nLoad average (1 min) before and after the calls: %.1f, %.1f on %d cores; "
                            + "temporary files written by the database meanwhile: %d (%,d kB)%n",
                    loadBefore,
                    loadAfter,
                    Runtime.getRuntime().availableProcessors(),
                    tempAfter[0] - tempBefore[0],
                    (tempAfter[1] - tempBefore[1]) / 1024);
            json.put("loadAverage", Map.of("before", loadBefore, "after", loadAfter));
            json.put(
                    "temporaryFiles",
                    Map.of("files", tempAfter[0] - tempBefore[0], "bytes", tempAfter[1] - tempBefore[1]));
            json.put("warmupCalls", warmup);
            json.put("measuredCalls", runs);
            json.put("results", results);
            print(scenarios, results);
            write(json);
            if (results.stream().anyMatch(r -> r.status() != 200)) {
                throw new IllegalStateException("Some reports did not answer 200; see above.");
            }
        }
    }

    private ConfigurableApplicationContext startApplication() {
        SpringApplication application = new SpringApplication(GuidanceLifecycleApplication.class);
        // command-line arguments outrank ./config/*.yaml
        return application.run(
                "--spring.profiles.active=demo,postgres",
                "--spring.datasource.url=" + url(DATABASE),
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--server.port=0",
                // the generated items have no process instances; nothing is due
                "--camunda.bpm.job-execution.enabled=false",
                "--guidance.mail.outbox-folder=target/benchmark/outbox",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.camunda=WARN");
    }

    private Result measure(Scenario scenario, Report report) throws IOException, InterruptedException {
        String url = base + report.path() + query(report.path(), scenario.params());
        for (int i = 0; i < warmup; i++) {
            call(url);
        }
        List<Double> samples = new ArrayList<>();
        HttpResponse<byte[]> last = null;
        int status = 0;
        long bytes = 0;
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = call(url);
            last = response;
            samples.add((System.nanoTime() - started) / 1_000_000.0);
            status = response.statusCode() != 200 ? response.statusCode() : status == 0 ? 200 : status;
            bytes = response.body().length;
            if (response.statusCode() != 200) {
                System.out.printf(
                        "    %s answered %d: %s%n",
                        url, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            }
        }
        if (responses != null) {
            // the last answer of each call, to compare the figures before and after a change
            Files.createDirectories(responses);
            Files.write(
                    responses.resolve(
                            (scenario.name() + " " + report.name()).replaceAll("[^A-Za-z0-9]+", "-") + ".txt"),
                    last.body());
        }
        List<Double> sorted = samples.stream().sorted().toList();
        double p90 = round(percentile(sorted, 0.9));
        return new Result(
                scenario.name(),
                report.name(),
                url.substring(base.length()),
                status,
                bytes,
                round(percentile(sorted, 0.5)),
                p90,
                round(sorted.get(sorted.size() - 1)),
                GOAL_P90_MS,
                Math.round(p90 / GOAL_P90_MS * 100) / 100.0,
                p90 <= GOAL_P90_MS,
                samples.stream().map(ReportBenchmark::round).toList());
    }

    private HttpResponse<byte[]> call(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                .timeout(Duration.ofMinutes(2))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Nearest rank: of ten calls, p50 is the 5th fastest and p90 the 9th. */
    static double percentile(List<Double> sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private void print(List<Scenario> scenarios, List<Result> results) {
        StringBuilder table = new StringBuilder("\nReport latency in ms, p50 / p90 / max of ")
                .append(runs)
                .append(" calls over HTTP\n");
        table.append("%-22s".formatted("report"));
        for (Scenario scenario : scenarios) {
            table.append(" | %-20s".formatted(abbreviate(scenario.name(), 20)));
        }
        table.append('\n').append("-".repeat(22 + scenarios.size() * 23)).append('\n');
        for (Report report : REPORTS) {
            table.append("%-22s".formatted(report.name()));
            for (Scenario scenario : scenarios) {
                Result r = results.stream()
                        .filter(x ->
                                x.report().equals(report.name()) && x.scenario().equals(scenario.name()))
                        .findFirst()
                        .orElseThrow();
                table.append(" | %20s".formatted("%.0f / %.0f / %.0f".formatted(r.p50Ms(), r.p90Ms(), r.maxMs())));
            }
            table.append('\n');
        }
        System.out.println(table);
        // issue 16: each figure against its goal
        StringBuilder goals = new StringBuilder("Against the goal (issue 16): p90 ≤ %.0f ms%n".formatted(GOAL_P90_MS));
        goals.append("%-22s | %-24s | %7s | %7s | %7s | %5s | %s%n"
                .formatted("report", "scenario", "p50", "p90", "goal", "ratio", "met?"));
        goals.append("-".repeat(95)).append('\n');
        for (Scenario scenario : scenarios) {
            for (Result r : results) {
                if (r.scenario().equals(scenario.name())) {
                    goals.append("%-22s | %-24s | %7.0f | %7.0f | %7.0f | %5.2f | %s%n"
                            .formatted(
                                    r.report(),
                                    r.scenario(),
                                    r.p50Ms(),
                                    r.p90Ms(),
                                    r.goalP90Ms(),
                                    r.ratio(),
                                    r.met() ? "yes" : "NO"));
                }
            }
        }
        long met = results.stream().filter(Result::met).count();
        goals.append("%d of %d figures at their goal%n".formatted(met, results.size()));
        System.out.println(goals);
    }

    private static void write(Map<String, Object> json) throws IOException {
        Path file = Path.of("target", "benchmark", "reports.json");
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        System.out.println("Written to " + file.toAbsolutePath());
    }

    // the database

    private static boolean createDatabaseIfMissing() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return false;
                }
            }
            s.execute("create database " + DATABASE);
            return true;
        }
    }

    private static Map<String, String> sizes(Connection connection) throws SQLException {
        Map<String, String> sizes = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("""
                select 'database', pg_size_pretty(pg_database_size(current_database()))
                union all select 'feedback (table, indexes)', pg_size_pretty(pg_table_size('feedback')) || ', '
                       || pg_size_pretty(pg_indexes_size('feedback'))
                union all select 'revision_item (table, indexes)', pg_size_pretty(pg_table_size('revision_item')) || ', '
                       || pg_size_pretty(pg_indexes_size('revision_item'))
                union all select 'revision rows', (select count(*) from revision)::text""")) {
            while (rs.next()) {
                sizes.put(rs.getString(1), rs.getString(2));
            }
        }
        System.out.println("Sizes: "
                + sizes.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining("; ")));
        return sizes;
    }

    /** Temporary files and bytes the benchmark database has written since the server started. */
    private static long[] temporaryFiles() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(DATABASE), USER, PASSWORD);
                Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "select temp_files, temp_bytes from pg_stat_database where datname = current_database()")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String busiestOrganisation(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "select submitter_organisation from feedback group by 1 order by count(*) desc limit 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    // helpers

    private static String query(String path, Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        return (path.contains("?") ? "&" : "?")
                + params.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
