package org.mscsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** The command line in a separate JVM, as a user's shell would start it, for tests that send signals or race two processes. */
final class MscsimProcess {

    private final Process process;
    private final Path log;

    private MscsimProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java ... org.mscsim.cli.Main ARGS} with stdout and stderr going to {@code log}. */
    static MscsimProcess start(Path log, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.mscsim.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new MscsimProcess(p, log);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, waiting at most {@code seconds}; -1 (after killing it) if it has not ended. */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }

    /** SIGTERM ({@code kill PID}); {@link Process#destroy} sends it on Linux. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL ({@code kill -9}): no shutdown hook runs, nothing is cleaned up. */
    void kill() {
        process.destroyForcibly();
    }

    /** SIGINT, as Ctrl-C in a terminal sends it. */
    void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        kill.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * Whether the process ignores SIGINT: a JVM started with SIGINT ignored (a background job of
     * a non-interactive shell) never sees Ctrl-C, and then installs no handler for it.
     */
    boolean ignoresSigint() throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                return (mask & (1L << 1)) != 0;   // bit n-1 for signal n; SIGINT is 2
            }
        }
        return false;
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Waits until {@code condition} holds (true) or the process ends or {@code seconds} pass (false). */
    boolean await(BooleanSupplier condition, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!process.isAlive()) {
                return condition.getAsBoolean();
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** The runs in a sweep directory's runs/. */
    static List<Path> runs(Path sweepDir) {
        Path runs = sweepDir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
