package se.esam.lifecycle.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints what each test class cost in CPU: the test JVM's own, and that of every process it started (Chromium and
 * chromedriver, the packaged application's nodes). With both cores busy a class's wall time says more about its
 * neighbours than about itself; its CPU does not (docs/testing.md, "Where the time goes"). Reads {@code /proc}: a
 * process's own time and the time of the children it has waited for, so a renderer or a node that ended during
 * the class is counted too. Prints nothing where there is no {@code /proc}. Registered for the JUnit Platform in
 * {@code META-INF/services}; measuring only, it asserts nothing.
 */
public final class ClassCpu implements TestExecutionListener {

    private static final Path PROC = Path.of("/proc");
    private static final long TICKS_PER_SECOND = 100;
    private static final boolean PER_TEST = Boolean.getBoolean("cpu.per-test");

    private final Map<String, long[]> started = new ConcurrentHashMap<>();

    @Override
    public void executionStarted(TestIdentifier test) {
        if (measured(test) && Files.isDirectory(PROC)) {
            started.put(test.getUniqueId(), new long[] {ownNanos(), othersTicks()});
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        long[] before = started.remove(test.getUniqueId());
        if (before == null) {
            return;
        }
        double own = (ownNanos() - before[0]) / 1e9;
        double others = (othersTicks() - before[1]) / (double) TICKS_PER_SECOND;
        String name = test.getSource().orElseThrow() instanceof ClassSource source
                ? source.getClassName()
                : "  " + test.getDisplayName();
        System.out.printf("[cpu] %s: test JVM %.1f s, the processes it started %.1f s%n", name, own, others);
    }

    /** Classes; each test too with {@code -Dcpu.per-test=true} in the test JVM's flags. */
    private static boolean measured(TestIdentifier test) {
        return test.getSource().filter(ClassSource.class::isInstance).isPresent() || (PER_TEST && test.isTest());
    }

    private static long ownNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Every descendant's own and reaped children's ticks, and the ticks of the children this JVM reaped. */
    private static long othersTicks() {
        long ticks = ticks(ProcessHandle.current().pid(), false);
        for (ProcessHandle descendant : ProcessHandle.current().descendants().toList()) {
            ticks += ticks(descendant.pid(), true);
        }
        return ticks;
    }

    private static long ticks(long pid, boolean own) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long children = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            return own ? Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + children : children;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
