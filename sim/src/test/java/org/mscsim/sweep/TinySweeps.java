package org.mscsim.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small sweep files for tests: a 40 x 40 co-culture of a few hundred cells over 24 h (a fraction of a second per run). */
public final class TinySweeps {

    /** The fixed part every tiny sweep shares. */
    public static final String SMALL_BASE = String.join("\n",
            "set:",
            "  output.charts: false",
            "  grid.width: 40",
            "  grid.height: 40",
            "  populations.msc: 20",
            "  populations.t_cd4: 130",
            "  populations.t_cd8: 70",
            "  populations.b: 30",
            "  populations.nk: 30",
            "  populations.macrophage: 40",
            "  time.hours: 24",
            "  t_cell.activation_per_h: 0.3     # quick activation and first division, so T cells divide within 24 h",
            "  t_cell.first_division_h: 12",
            "");

    /** 2 x 2 grid, 2 replicates: 8 runs. */
    public static final String GRID = "name: tiny-grid\n" + SMALL_BASE + String.join("\n",
            "vary:",
            "  blockade.pd_l1: [0, 1]",
            "  msc.pge2_licensed_fold: {from: 10, to: 30, step: 20}",
            "replicates: 2",
            "seed: 11",
            "outputs:",
            "  - t_divisions: final",
            "  - msc: {at: 12}",
            "  - pge2_mean: max",
            "  - t_cd4: min",
            "  - t_divisions: {time_to: 5}",
            "");

    /** {@link #SMALL_BASE} without one parameter, for sweeps that vary it. */
    public static String baseWithout(String key) {
        return SMALL_BASE.replaceAll("(?m)^  " + java.util.regex.Pattern.quote(key) + ": .*\n", "");
    }

    private TinySweeps() {
    }

    /**
     * Leaves {@code run} as a sweep stopped by a signal after {@code stopAtH} simulated hours
     * leaves it: its directory in {@code partial/} with a checkpoint (the next executor continues
     * from it) and nothing in {@code runs/}. Returns the checkpoint file.
     */
    public static Path stoppedWithCheckpoint(SweepDir dir, Run run, double stopAtH) throws Exception {
        Trees.delete(dir.runDir(run));
        Path partial = Files.createDirectories(dir.partialDir(run));
        org.mscsim.output.RunWriter.STOP.set(false);
        try {
            org.mscsim.output.RunWriter.run(run.scenario(dir.base()), partial, 1, (h, total) -> {
                if (h >= stopAtH) {
                    org.mscsim.output.RunWriter.STOP.set(true);
                }
            }, new org.mscsim.output.RunWriter.Checkpoints(0, RunExecution.CHECKPOINT_WALL_S));
            throw new AssertionError("the run was not stopped at " + stopAtH + " h");
        } catch (org.mscsim.output.RunWriter.Interrupted expected) {
            // stopped with its checkpoint, as a signal stops a sweep run
        } finally {
            org.mscsim.output.RunWriter.STOP.set(false);
        }
        Path cp = partial.resolve(org.mscsim.checkpoint.Checkpoint.FILE);
        if (!Files.isRegularFile(cp)) {
            throw new AssertionError("no checkpoint in " + partial);
        }
        return cp;
    }

    /** Flips one byte two thirds into {@code file} (past the header and stored scenario, in the model state). */
    public static void damage(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[b.length * 2 / 3] ^= 0x55;
        Files.write(file, b);
    }

    public static Path write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
