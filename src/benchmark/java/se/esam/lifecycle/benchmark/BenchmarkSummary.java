package se.esam.lifecycle.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Issue 16's table in one place after {@code ./mvnw -Pbenchmarks verify}: the lifecycle benchmark's figures and
 * the report benchmark's worst p90, each with its goal and the ratio, from the two runs' JSON files. Prints and
 * writes {@code target/benchmark/summary.json}. A missing file is reported as missing, not as a pass.
 */
public final class BenchmarkSummary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchmarkSummary() {}

    record Row(String figure, String measured, String goal, String ratio, String met) {}

    public static void main(String[] args) throws Exception {
        Path lifecycle = Path.of("target", "benchmark", "lifecycle.json");
        Path reports = Path.of("target", "benchmark", "reports.json");
        List<Row> rows = new ArrayList<>();
        if (Files.exists(lifecycle)) {
            for (JsonNode goal : JSON.readTree(lifecycle.toFile()).path("goals")) {
                rows.add(new Row(
                        goal.path("figure").asText(),
                        goal.path("measured").asText() + " " + goal.path("unit").asText(),
                        "≤ " + goal.path("goal").asText() + " "
                                + goal.path("unit").asText(),
                        goal.path("ratio").asText(),
                        goal.path("met").asBoolean() ? "yes" : "NO"));
            }
        } else {
            rows.add(new Row("lifecycle benchmark", "missing: " + lifecycle, "", "", "NO"));
        }
        if (Files.exists(reports)) {
            List<JsonNode> results = new ArrayList<>();
            JSON.readTree(reports.toFile()).path("results").forEach(results::add);
            long met = results.stream().filter(r -> r.path("met").asBoolean()).count();
            JsonNode worst = results.stream()
                    .max(Comparator.comparingDouble(r -> r.path("p90Ms").asDouble()))
                    .orElse(null);
            rows.add(new Row(
                    "every report p90 (worst: "
                            + (worst == null
                                    ? "-"
                                    : worst.path("report").asText() + ", "
                                            + worst.path("scenario").asText())
                            + "; " + met + " of " + results.size() + " met)",
                    worst == null ? "-" : worst.path("p90Ms").asText() + " ms",
                    "≤ " + ReportBenchmark.GOAL_P90_MS + " ms",
                    worst == null ? "-" : worst.path("ratio").asText(),
                    worst != null && met == results.size() ? "yes" : "NO"));
        } else {
            rows.add(new Row("report benchmark", "missing: " + reports, "", "", "NO"));
        }

        StringBuilder table =
                new StringBuilder("\n[benchmark] Issue 16, one run: figure | measured | goal | ratio | met?\n");
        for (Row row : rows) {
            table.append("[benchmark] | %s | %s | %s | %s | %s |%n"
                    .formatted(row.figure(), row.measured(), row.goal(), row.ratio(), row.met()));
        }
        System.out.println(table);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", rows);
        summary.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).trim());
        Path out = Path.of("target", "benchmark", "summary.json");
        Files.createDirectories(out.getParent());
        JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), summary);
    }
}
