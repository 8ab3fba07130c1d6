package org.mscsim.sweep.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Slurm commands MSCSim uses — sbatch, squeue, scontrol — run directly (never through a
 * shell), each with a time limit. No accounting database is assumed: job state comes from
 * squeue while the controller remembers the job, and from the sweep directory's files after.
 */
public final class Slurm {

    /** sbatch's default MaxArraySize: array indices 0 to 1000. */
    static final int DEFAULT_MAX_ARRAY_SIZE = 1001;
    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern JOB_ID = Pattern.compile("^(\\d+)(;.*)?$");
    private static final Pattern MAX_ARRAY = Pattern.compile("(?m)^MaxArraySize\\s*=\\s*(\\d+)");

    /** States in which a job or array task may still run (squeue's long names). */
    static final List<String> ACTIVE = List.of("PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "SUSPENDED", "REQUEUED",
            "REQUEUE_FED", "REQUEUE_HOLD", "RESIZING", "SIGNALING", "STAGE_OUT", "STOPPED", "RESV_DEL_HOLD");

    private Slurm() {
    }

    /** Whether sbatch is on the PATH. */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "sbatch"))) {
                return true;
            }
        }
        return false;
    }

    /** Submits a batch script from {@code workDir} and returns the job id. */
    static String submit(Path script, Path workDir, List<String> options) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
        cmd.addAll(options);
        cmd.add(script.toString());
        Result r = run(cmd, workDir);
        String out = r.out.strip();
        Matcher m = JOB_ID.matcher(out);
        if (r.code != 0 || !m.matches()) {
            throw new IOException("sbatch refused " + script + ": " + (r.err.isBlank() ? out : r.err.strip()));
        }
        return m.group(1);
    }

    /**
     * Every known array task and job of the given job ids to its state, e.g. {@code 12_3 → RUNNING},
     * {@code 13 → PENDING}. Jobs the controller has forgotten are simply absent.
     */
    static Map<String, String> states(List<String> jobIds) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (jobIds.isEmpty()) {
            return out;
        }
        Result r = run(List.of("squeue", "-h", "-r", "-t", "all", "-j", String.join(",", jobIds), "-o", "%i|%T"), null);
        if (r.code != 0) {
            if (r.err.contains("Invalid job id")) {
                return out;
            }
            throw new IOException("squeue failed: " + r.err.strip());
        }
        for (String line : r.out.split("\n")) {
            int bar = line.indexOf('|');
            if (bar > 0) {
                out.put(line.substring(0, bar).trim(), line.substring(bar + 1).trim());
            }
        }
        return out;
    }

    /** The cluster's MaxArraySize, or sbatch's default if scontrol does not say. */
    static int maxArraySize() {
        try {
            Result r = run(List.of("scontrol", "show", "config"), null);
            Matcher m = MAX_ARRAY.matcher(r.out);
            if (r.code == 0 && m.find()) {
                return Math.max(1, Integer.parseInt(m.group(1)));
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the documented default
        }
        return DEFAULT_MAX_ARRAY_SIZE;
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(List<String> cmd, Path workDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Path err = Files.createTempFile("mscsim-slurm", ".err");
        try {
            pb.redirectError(err.toFile());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new IOException(cmd.get(0) + " could not be started (is this a Slurm login node?): " + e.getMessage());
            }
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd.get(0) + " did not answer within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + cmd.get(0));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
