package org.mscsim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.output.RunWriter;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;

class CheckpointTest {

    @TempDir
    Path tmp;

    static final List<String> CULTURE = List.of("grid.width=80", "grid.height=80", "populations.msc=100",
            "populations.t_cd4=650", "populations.t_cd8=350", "populations.b=150", "populations.nk=150",
            "populations.macrophage=200", "time.hours=72", "output.charts=false",
            "interventions=[{at_h: 30, add_msc: 50}, {at_h: 50, block: {pd_l1: 1}}]");

    static final List<String> PATIENT = List.of("grid.width=40", "grid.height=40", "populations.t_cd4=210", "populations.t_cd8=110",
            "populations.b=64", "populations.nk=32", "populations.macrophage=80", "invivo.burn_in_h=48",
            "invivo.t_influx_per_h=3.2", "invivo.b_influx_per_h=0.8", "invivo.nk_influx_per_h=0.3",
            "invivo.monocyte_influx_per_h=0.3", "invivo.patch_scale=525000", "time.hours=240", "output.charts=false");

    @AfterEach
    void clearStop() {
        RunWriter.STOP.set(false);
    }

    static Scenario culture() throws Exception {
        return ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, CULTURE);
    }

    static Scenario patient() throws Exception {
        return ScenarioLoader.load(Path.of("../scenarios/itp-patient.yaml"), PATIENT);
    }

    /** Runs in a thread, asks it to stop once a checkpoint exists, and returns the stopped run's directory. */
    private Path stoppedRun(Scenario s, double everyH, String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                RunWriter.run(s, dir, 1, null, everyH);
            } catch (Throwable e) {
                thrown[0] = e;
            }
        });
        t.start();
        Path cp = dir.resolve(Checkpoint.FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(cp) && t.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        RunWriter.STOP.set(true);
        t.join(60_000);
        RunWriter.STOP.set(false);
        assertTrue(thrown[0] instanceof RunWriter.Interrupted, "the run was stopped midway: " + thrown[0]);
        assertFalse(Files.exists(dir.resolve(RunWriter.SUMMARY)), "a stopped run must not look finished");
        assertFalse(Files.exists(dir.resolve(RunWriter.TIMESERIES)), "no timeseries.csv that looks complete");
        assertTrue(Files.readString(dir.resolve(RunWriter.INTERRUPTED)).contains("resume it with: ./mscsim run --resume"));
        return dir;
    }

    private void assertSameOutputs(Path a, Path b) throws Exception {
        for (String f : List.of(RunWriter.TIMESERIES, RunWriter.SUMMARY, RunWriter.RESOLVED)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs after resume");
        }
    }

    @Test
    void aStoppedCultureResumesToTheUninterruptedBytes() throws Exception {
        Path whole = Files.createDirectories(tmp.resolve("whole"));
        RunWriter.run(culture(), whole, 1, null);
        Path stopped = stoppedRun(culture(), 3, "stopped");
        RunWriter.resume(stopped, 2, null);
        assertSameOutputs(whole, stopped);
        assertFalse(Files.exists(stopped.resolve(Checkpoint.FILE)), "the checkpoint goes once the run is complete");
        assertFalse(Files.exists(stopped.resolve(RunWriter.INTERRUPTED)));
    }

    @Test
    void aStoppedPatientResumesToTheUninterruptedBytes() throws Exception {
        Path whole = Files.createDirectories(tmp.resolve("whole"));
        RunWriter.run(patient(), whole, 1, null);
        Path stopped = stoppedRun(patient(), 24, "stopped");
        RunWriter.resume(stopped, 1, null);
        assertSameOutputs(whole, stopped);
    }

    @Test
    void aCheckpointFromAnotherScenarioIsRefused() throws Exception {
        Path dir = stoppedRun(culture(), 3, "other");
        Path resolved = dir.resolve(RunWriter.RESOLVED);
        Files.writeString(resolved, Files.readString(resolved).replace("seed: 1\n", "seed: 2\n"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> RunWriter.resume(dir, 1, null));
        assertTrue(e.getMessage().contains("belongs to another scenario"), e.getMessage());
    }

    @Test
    void aDamagedCheckpointIsRefusedClearly() throws Exception {
        Path dir = stoppedRun(culture(), 3, "damaged");
        Path cp = dir.resolve(Checkpoint.FILE);
        byte[] b = Files.readAllBytes(cp);
        Files.write(cp, java.util.Arrays.copyOf(b, b.length / 2));
        ScenarioException truncated = assertThrows(ScenarioException.class, () -> RunWriter.resume(dir, 1, null));
        assertTrue(truncated.getMessage().contains("truncated checkpoint"), truncated.getMessage());
        b[b.length / 3] ^= 0x55;
        Files.write(cp, b);
        ScenarioException corrupt = assertThrows(ScenarioException.class, () -> RunWriter.resume(dir, 1, null));
        assertTrue(corrupt.getMessage().contains("corrupt checkpoint") || corrupt.getMessage().contains("checksum"), corrupt.getMessage());
        // A damaged byte in the scenario stored in the checkpoint (read before the checksum) is damage too, not a scenario error.
        b[b.length / 3] ^= 0x55; // the file as written again
        int key = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("populations:");
        assertTrue(key > 0, "the stored scenario is in the file");
        b[key + 3] = 'X';
        Files.write(cp, b);
        ScenarioException scenario = assertThrows(ScenarioException.class, () -> RunWriter.resume(dir, 1, null));
        assertTrue(scenario.getMessage().startsWith(cp + ": corrupt checkpoint (the scenario stored in it, line "), scenario.getMessage());
        Files.write(cp, "not a checkpoint".getBytes());
        ScenarioException alien = assertThrows(ScenarioException.class, () -> RunWriter.resume(dir, 1, null));
        assertTrue(alien.getMessage().contains("not an MSCSim checkpoint"), alien.getMessage());
    }

    @Test
    void sigkillMidwayThenResumeGivesTheUninterruptedBytes() throws Exception {
        Path whole = tmp.resolve("whole");
        List<String> args = new ArrayList<>(List.of("run", "--out", whole.toString(), "--quiet", "--hours", "120"));
        for (String set : CULTURE) {
            args.add("--set");
            args.add(set);
        }
        assertEquals(0, org.mscsim.cli.Main.execute(args.toArray(new String[0])));

        Path killed = tmp.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.mscsim.cli.Main", "run", "--out", killed.toString(), "--quiet", "--hours", "120", "--checkpoint-every", "4"));
        for (String set : CULTURE) {
            cmd.add("--set");
            cmd.add(set);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path cp = killed.resolve(Checkpoint.FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(cp) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(300); // let it run on past the checkpoint, so the kill lands between checkpoints
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertFalse(Files.exists(killed.resolve(RunWriter.SUMMARY)), "killed before the end (the test needs a run that outlasts its start)");
        assertTrue(Files.exists(cp), "a checkpoint was written");
        assertEquals(0, org.mscsim.cli.Main.execute("run", "--resume", killed.toString(), "--quiet"));
        assertSameOutputs(whole, killed);
    }

    @Test
    void sigtermStopsCleanlyWithACheckpointAndAMark() throws Exception {
        Path dir = tmp.resolve("termed");
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.mscsim.cli.Main", "run", "--out", dir.toString(), "--quiet", "--hours", "240", "--checkpoint-every", "24"));
        for (String set : CULTURE) {
            cmd.add("--set");
            cmd.add(set);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(dir.resolve(RunWriter.RESOLVED)) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(500);
        p.destroy(); // SIGTERM, as a scheduler sends at a time limit
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, p.exitValue(), Files.readString(tmp.resolve("child.log")));
        assertTrue(Files.exists(dir.resolve(Checkpoint.FILE)), "a checkpoint at the stop");
        assertTrue(Files.readString(dir.resolve(RunWriter.INTERRUPTED)).contains("--resume"));
        assertFalse(Files.exists(dir.resolve(RunWriter.SUMMARY)));
        assertEquals(0, org.mscsim.cli.Main.execute("run", "--resume", dir.toString(), "--quiet"));
        assertTrue(Files.exists(dir.resolve(RunWriter.SUMMARY)));
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
