package org.mscsim.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The shipped inputs the fuzzer starts from, copied into a scratch directory with the same layout
 * as {@code scenarios/} (so {@code base: ../coculture.yaml} and {@code patient: itp-patient.yaml}
 * still resolve), and where each kind of fuzzed file is written.
 */
public final class FuzzCorpus {

    /** The inputs MSCSim reads: scenario, sweep and trial files, and {@code --set KEY=VALUE} arguments. */
    public enum Kind { SCENARIO, SWEEP, TRIAL, SET }

    /** The repository's shipped scenarios, seen from the sim module (Maven runs tests there). */
    public static final Path SHIPPED = Path.of("../scenarios");

    private final Path root;
    private final Map<Kind, List<String>> texts = new EnumMap<>(Kind.class);
    private final List<String> lines = new ArrayList<>();

    private FuzzCorpus(Path root) {
        this.root = root;
    }

    /** Copies the shipped scenario, sweep and trial files into {@code root}. */
    public static FuzzCorpus in(Path root) throws IOException {
        FuzzCorpus c = new FuzzCorpus(root);
        Files.createDirectories(root.resolve("sweeps"));
        for (Kind k : Kind.values()) {
            c.texts.put(k, new ArrayList<>());
        }
        for (Path f : list(SHIPPED)) {
            String text = Files.readString(f);
            Files.writeString(root.resolve(f.getFileName()), text);
            c.texts.get(text.contains("\narms:") ? Kind.TRIAL : Kind.SCENARIO).add(text);
        }
        for (Path f : list(SHIPPED.resolve("sweeps"))) {
            String text = Files.readString(f);
            Files.writeString(root.resolve("sweeps").resolve(f.getFileName()), text);
            c.texts.get(Kind.SWEEP).add(text);
        }
        c.texts.get(Kind.SCENARIO).add(TINY_SCENARIO);
        c.texts.get(Kind.SWEEP).add(TINY_SWEEP);
        for (List<String> t : c.texts.values()) {
            for (String text : t) {
                for (String line : text.split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        c.lines.add(line);
                    }
                }
            }
        }
        Files.writeString(root.resolve("tiny.yaml"), TINY_SCENARIO);
        return c;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    public Path root() {
        return root;
    }

    /** Where a fuzzed input of this kind is written (beside the files it may refer to). */
    public Path target(Kind kind) {
        return switch (kind) {
            case SWEEP -> root.resolve("sweeps").resolve("fuzz-sweep.yaml");
            case TRIAL -> root.resolve("fuzz-trial.yaml");
            default -> root.resolve("fuzz-scenario.yaml");
        };
    }

    /** The texts of one kind (shipped files, plus a tiny scenario and sweep that run in a moment). */
    public List<String> texts(Kind kind) {
        return texts.get(kind);
    }

    /** One fuzzed input of {@code kind}, reproducible from {@code seed}. */
    public byte[] input(Kind kind, long seed) {
        Mutator m = new Mutator(seed, lines);
        List<String> t = texts.get(kind);
        String base = t.get((int) Math.floorMod(seed * 0x9E3779B97F4A7C15L >>> 7, (long) t.size()));
        return m.mutate(base);
    }

    /** Mutates a given text (e.g. a tiny scenario for runs that must finish in a moment). */
    public byte[] mutate(String text, long seed) {
        return new Mutator(seed, lines).mutate(text);
    }

    /** One fuzzed {@code --set KEY=VALUE} argument. */
    public String set(List<String> keys, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        String key = keys.get(rng.nextInt(keys.size()));
        if (rng.nextInt(6) == 0) {
            key = Mutator.KEYS.get(rng.nextInt(Mutator.KEYS.size()));
        } else if (rng.nextInt(8) == 0) {
            key = rng.nextBoolean() ? key.substring(0, rng.nextInt(key.length())) : key + ".x";
        }
        String value = switch (rng.nextInt(4)) {
            case 0 -> Mutator.NUMBERS.get(rng.nextInt(Mutator.NUMBERS.size()));
            case 1 -> Mutator.SCALARS.get(rng.nextInt(Mutator.SCALARS.size()));
            case 2 -> new String(new Mutator(seed, lines).mutate(Mutator.SCALARS.get(rng.nextInt(Mutator.SCALARS.size()))),
                    StandardCharsets.UTF_8);
            default -> "[{at_h: " + Mutator.NUMBERS.get(rng.nextInt(Mutator.NUMBERS.size())) + ", add_msc: "
                    + Mutator.SCALARS.get(rng.nextInt(Mutator.SCALARS.size())).replace("\n", " ") + "}]";
        };
        String sep = switch (rng.nextInt(10)) {
            case 0 -> "";
            case 1 -> "==";
            case 2 -> " = ";
            default -> "=";
        };
        return key + sep + value;
    }

    /** A 40 x 40 co-culture of a few dozen cells over 2 h: a run of it takes a fraction of a second. */
    public static final String TINY_SCENARIO = String.join("\n",
            "name: tiny",
            "description: a small co-culture for fuzzed runs",
            "seed: 3",
            "grid: {width: 40, height: 40, boundary: periodic}",
            "time:",
            "  dt_min: 5",
            "  hours: 2",
            "output:",
            "  interval_h: 1",
            "  charts: false",
            "populations:",
            "  msc: 10",
            "  t_cd4: 60",
            "  t_cd8: 30",
            "  b: 10",
            "  nk: 10",
            "  macrophage: 10",
            "blockade: {pd_l1: 0, ido: 0.5}",
            "coculture:",
            "  transwell: false",
            "b_cell_effect: inhibit",
            "t_cell:",
            "  cycle_h: 16",
            "interventions:",
            "  - {at_h: 1, add_msc: 5}",
            "  - {at_h: 1.5, block: {pd_l1: 1}}",
            "  - {at_h: 1.5, set: {t_cell.activation_per_h: 0.2}}",
            "");

    /** A sweep of the tiny scenario: 2 x 2 grid, two cases, two replicates. */
    public static final String TINY_SWEEP = String.join("\n",
            "name: tiny-sweep",
            "description: fuzzed sweeps start here",
            "base: ../tiny.yaml",
            "set:",
            "  time.hours: 2",
            "  output.charts: false",
            "vary:",
            "  blockade.pd_l1: [0, 1]",
            "  msc.pge2_licensed_fold: {from: 10, to: 30, step: 20}",
            "cases:",
            "  - name: contact",
            "  - name: transwell",
            "    set: {coculture.transwell: true}",
            "design: grid",
            "replicates: 2",
            "seed: 7",
            "outputs:",
            "  - t_divisions: final",
            "  - msc: {at: 1}",
            "  - {kyn_mean: max, name: kyn_peak}",
            "  - t_divisions: {time_to: {threshold: 1, direction: above}}",
            "slurm:",
            "  partition: normal",
            "  time: \"00:05:00\"",
            "  max_parallel: 4",
            "  runs_per_task: 2",
            "  extra_sbatch: [\"--mem=1G\"]",
            "");
}
