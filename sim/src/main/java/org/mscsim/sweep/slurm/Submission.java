package org.mscsim.sweep.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mscsim.output.AtomicFiles;
import org.mscsim.output.RunWriter;

/**
 * One submission of a sweep to Slurm, kept in {@code slurm/sNNN/}: the array and collect
 * scripts, {@code chunks.txt} (line i lists the run ids of array task i), {@code job.json} with
 * the job ids, and {@code logs/}. Resubmissions get the next number and list only the runs still
 * to do.
 *
 * @param arrayJob   the array job id, or null if sbatch was never reached
 * @param collectJob the collect job id, or null
 * @param chunks     run ids per array task
 */
public record Submission(int number, Path dir, String arrayJob, String collectJob, List<List<String>> chunks, String submitted) {

    static final String CHUNKS = "chunks.txt";
    static final String JOB = "job.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path dirOf(Path slurmDir, int number) {
        return slurmDir.resolve(String.format(java.util.Locale.ROOT, "s%03d", number));
    }

    /** Every submission with a job id, oldest first. */
    public static List<Submission> all(Path slurmDir) throws IOException {
        List<Submission> out = new ArrayList<>();
        if (!Files.isDirectory(slurmDir)) {
            return out;
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(slurmDir)) {
            dirs = s.filter(p -> p.getFileName().toString().matches("s\\d{3,}") && Files.isRegularFile(p.resolve(JOB))).toList();
        }
        for (Path d : dirs) {
            out.add(read(d));
        }
        out.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return out;
    }

    /** The next free submission number. */
    static int next(Path slurmDir) throws IOException {
        int max = 0;
        if (Files.isDirectory(slurmDir)) {
            try (Stream<Path> s = Files.list(slurmDir)) {
                for (Path p : s.toList()) {
                    String n = p.getFileName().toString();
                    if (n.matches("s\\d{3,}")) {
                        max = Math.max(max, Integer.parseInt(n.substring(1)));
                    }
                }
            }
        }
        return max + 1;
    }

    /** Reads the run ids of one array task (what {@code sweep-task} runs). */
    public static List<String> chunk(Path dir, int task) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(CHUNKS));
        if (task < 0 || task >= lines.size()) {
            throw new IOException(dir.resolve(CHUNKS) + " has " + lines.size() + " tasks; there is no task " + task);
        }
        return List.of(lines.get(task).trim().split("\\s+"));
    }

    static void writeChunks(Path dir, List<List<String>> chunks) throws IOException {
        StringBuilder b = new StringBuilder();
        for (List<String> c : chunks) {
            b.append(String.join(" ", c)).append('\n');
        }
        AtomicFiles.write(dir.resolve(CHUNKS), b.toString());
    }

    void writeJob() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("submission", number);
        m.put("array_job", arrayJob);
        m.put("collect_job", collectJob);
        m.put("tasks", chunks.size());
        m.put("runs", chunks.stream().mapToInt(List::size).sum());
        m.put("submitted", submitted);
        AtomicFiles.write(dir.resolve(JOB), RunWriter.json(m) + "\n");
    }

    private static Submission read(Path dir) throws IOException {
        JsonNode j;
        try {
            j = JSON.readTree(dir.resolve(JOB).toFile());
        } catch (IOException e) {
            throw new IOException(dir.resolve(JOB) + ": unreadable (" + e.getMessage() + ")");
        }
        List<List<String>> chunks = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve(CHUNKS))) {
            for (String line : Files.readAllLines(dir.resolve(CHUNKS))) {
                chunks.add(line.isBlank() ? List.of() : Arrays.asList(line.trim().split("\\s+")));
            }
        }
        return new Submission(j.path("submission").asInt(), dir, text(j.get("array_job")), text(j.get("collect_job")), chunks,
                j.path("submitted").asText());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    List<String> jobIds() {
        List<String> ids = new ArrayList<>();
        if (arrayJob != null) {
            ids.add(arrayJob);
        }
        if (collectJob != null) {
            ids.add(collectJob);
        }
        return ids;
    }
}
