package se.esam.lifecycle.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * One application node as production runs it: the packaged jar as {@code config/start} starts it, in its own JVM, on
 * its own port, on a shared PostgreSQL database, demo accounts, mail written to its own outbox folder. Its log is
 * {@code target/nodes/<name>.log}. For tests that need several nodes or a real crash (kill -9).
 */
public final class AppNode implements AutoCloseable {

    /** Generous: on a shared two-core machine with other builds running, a start has taken over three minutes. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

    private final String name;
    private final int port;
    private final Path outbox;
    private final List<String> command;
    private Process process;

    private AppNode(String name, int port, Path outbox, List<String> command) {
        this.name = name;
        this.port = port;
        this.outbox = outbox;
        this.command = command;
    }

    /** A mail as the node handed it over: one .eml file. */
    public record Mail(String messageId, String subject, String file) {}

    /**
     * Starts the node and waits until its health endpoint says UP. Each start is a new run: mails and log
     * of an earlier run (another build in the same folder) are removed first.
     */
    public static AppNode start(String name, String jdbcUrl, Map<String, String> properties) {
        prepare();
        return start(
                name,
                jdbcUrl,
                properties,
                List.of(Path.of("config", "start").toAbsolutePath().toString()));
    }

    /**
     * Makes sure {@code config/start} finds the application prepared, as production runs it: the jar extracted,
     * production's JVM options ({@code config/jvm.options}: C1 only, the serial collector, 512 MiB) and the
     * class-data-sharing archive of one training start. A node then starts in about 5.5 s instead of 9.9 s
     * (docs/benchmark-lifecycle.md), and a test node is started by {@code config/start} itself: what production
     * starts. {@code config/start --prepare} makes the archive once per package (it does nothing while the archive
     * is newer than the jar); the lock keeps the other failsafe JVM from extracting over it meanwhile, and a node's
     * own {@code config/start} from making it at all. If the archive does not fit, the JVM starts without it:
     * slower, never wrong.
     */
    public static synchronized void prepare() {
        try {
            Path target = Path.of("target").toAbsolutePath();
            Files.createDirectories(target.resolve("nodes"));
            try (FileChannel channel = FileChannel.open(
                            target.resolve("app.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                ProcessBuilder prepare = new ProcessBuilder("config/start", "--prepare")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(
                                target.resolve("nodes").resolve("prepare.log").toFile()));
                // the archive fits only the JVM that made it: this one
                prepare.environment().put("JAVA_HOME", System.getProperty("java.home"));
                if (prepare.start().waitFor() != 0) {
                    throw new IllegalStateException("config/start --prepare failed; see target/nodes/prepare.log");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@link #prepare()} from the build (pom.xml, exec-maven-plugin): started in the background once the jar is
     * packaged, so that the training start runs beside failsafe's first classes instead of in {@code ClusterIT}
     * and {@code CrashIT}, which would wait for it (the lock makes them wait for this run instead, if it has not
     * finished yet). {@code --skip=true} (from -DskipTests or -DskipITs) does nothing.
     */
    public static void main(String[] args) {
        if (List.of(args).contains("--skip=true")) {
            return;
        }
        prepare();
    }

    /** The packaged jar as it is, with these JVM options (the lifecycle benchmark compares it with the above). */
    public static AppNode start(
            String name, String jdbcUrl, Map<String, String> properties, List<String> jvmOptions, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        return start(name, jdbcUrl, properties, command);
    }

    /** {@code launcher}: the command up to the application's own arguments. */
    private static AppNode start(String name, String jdbcUrl, Map<String, String> properties, List<String> launcher) {
        try {
            Path home = Path.of("target", "nodes", name).toAbsolutePath();
            deleteRecursively(home);
            Files.deleteIfExists(Path.of("target", "nodes", name + ".log"));
            Path outbox = Files.createDirectories(home.resolve("outbox"));
            int port = freePort();
            List<String> command = new ArrayList<>(launcher);
            command.addAll(List.of(
                    "--spring.profiles.active=demo,postgres",
                    "--server.port=" + port,
                    "--spring.datasource.url=" + jdbcUrl,
                    "--guidance.mail.outbox-folder=" + outbox,
                    "--camunda.bpm.generic-properties.properties.hostname=" + name));
            properties.forEach((key, value) -> command.add("--" + key + "=" + value));
            AppNode node = new AppNode(name, port, outbox, command);
            node.launch();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the node again after it was killed, on the same port and outbox. */
    public void restart() {
        launch();
    }

    private void launch() {
        try {
            Path log = Path.of("target", "nodes", name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // config/start runs this JVM's java, which the archive was made with; it execs it, so the process
            // killed below is the node's JVM itself
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String name() {
        return name;
    }

    /** The node's JVM. */
    public long pid() {
        return process.pid();
    }

    /** The mails this node wrote in this run, as .eml files. */
    public List<Mail> mails() {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".eml"))
                    .sorted()
                    .map(AppNode::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Mail read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            return new Mail(
                    message.getMessageID(),
                    message.getSubject(),
                    file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Not a mail: " + file, e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** kill -9: no shutdown hooks, no closing of connections. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitHealthy() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Node " + name + " stopped while starting; see target/nodes/" + name + ".log");
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        // a node left running would outlive the test and hold its port and database
        process.destroyForcibly();
        throw new IllegalStateException("Node " + name + " not healthy within " + START_TIMEOUT);
    }

    private static void sleep() {
        try {
            // short: the start-up benchmark measures until the first UP answer
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The jar {@code ./mvnw package} made, as it is. */
    public static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("guidance-lifecycle-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("run after package: no jar in target"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
