package org.mscsim.checkpoint;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.mscsim.Version;
import org.mscsim.cells.Cell;
import org.mscsim.cells.CellCodec;
import org.mscsim.fields.Field;
import org.mscsim.fields.FieldId;
import org.mscsim.invivo.Systemic;
import org.mscsim.model.MscModel;
import org.mscsim.model.Observables;
import org.mscsim.output.AtomicFiles;
import org.mscsim.output.TimeSeries;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;
import org.mscsim.scenario.ScenarioWriter;

/**
 * A run's complete state between two steps, in a format of MSCSim's own (no Java object
 * serialisation, nothing instantiated from names in the file): the current scenario (with any
 * live changes), step count and counters, the random stream's state, every field, every cell in
 * list order, the systemic pools and the time series recorded so far. The file carries a format
 * version, the MSCSim version, a hash of the run's resolved scenario and a CRC, and is written
 * atomically. Restored, the run continues exactly as if never interrupted.
 */
public final class Checkpoint {

    public static final String FILE = "checkpoint.bin";
    private static final byte[] MAGIC = "MSCSIMCK".getBytes(StandardCharsets.US_ASCII);
    /** Bumped whenever the layout changes; older files are refused with a clear message. */
    public static final int FORMAT = 2;

    private Checkpoint() {
    }

    /** SHA-256 of a run's resolved scenario text: what a checkpoint must belong to. */
    public static String hash(String resolvedYaml) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(resolvedYaml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code m}'s state and the series so far to {@code file}, atomically. */
    public static void write(Path file, String scenarioHash, double everyH, MscModel m, TimeSeries ts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        CRC32 crc = new CRC32();
        try (DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(bytes, 1 << 16), crc))) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(Version.get());
            out.writeUTF(scenarioHash);
            out.writeDouble(everyH);
            writeLong(out, ScenarioWriter.toYaml(m.scenario(), "current scenario"));
            out.writeLong(m.stepsDone());
            out.writeLong(m.tDivisions);
            out.writeLong(m.tDivisionsCd8);
            out.writeLong(m.cd8Seeded);
            out.writeLong(m.tCellsSeeded);
            out.writeLong(m.nkKills);
            out.writeLong(m.mscLysed);
            out.writeLong(m.phagocytosed);
            out.writeLong(m.mscNotPlaced);
            out.writeLong(m.tDivisionWaits);
            out.writeLong(m.crowdingLogged ? 1 : 0);
            out.writeDouble(m.antibodyPg);
            List<String> log = m.log();
            out.writeInt(log.size());
            for (String e : log) {
                out.writeUTF(e);
            }
            byte[] rng = ((RandomProviderDefaultState) m.rng.saveState()).getState();
            out.writeInt(rng.length);
            out.write(rng);
            out.writeInt(FieldId.ALL.length);
            for (FieldId id : FieldId.ALL) {
                Field f = m.fields.get(id);
                out.writeInt(f.nx * f.ny);
                for (double[] row : f.c) {       // row-major, as the format always was
                    for (double v : row) {
                        out.writeDouble(v);
                    }
                }
            }
            out.writeBoolean(m.systemic != null);
            if (m.systemic != null) {
                m.systemic.writeState(out);
            }
            for (double v : m.influxCarry()) {
                out.writeDouble(v);
            }
            out.writeInt(m.tissue.count());
            for (int i = 0; i < m.tissue.count(); i++) {
                Cell c = m.tissue.cell(i);
                CellCodec.write(c, out);
            }
            List<double[]> rows = ts.rows();
            out.writeInt(ts.columns().size());
            out.writeInt(rows.size());
            for (double[] row : rows) {
                for (double v : row) {
                    out.writeDouble(v);
                }
            }
            out.writeDouble(ts.lastTime());
            out.flush();
            long sum = crc.getValue();
            out.writeLong(sum);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    private static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLong(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("corrupt text length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A checkpoint read back, ready to restore into a fresh model. */
    public static final class State {
        private final Scenario scenario;
        private final double everyH;
        private final long stepsDone;
        private final long[] counters = new long[10];
        private double antibodyPg;
        private final List<String> log = new ArrayList<>();
        private byte[] rng;
        private final double[][] fields = new double[FieldId.ALL.length][];
        private double[] systemic;
        private final double[] influx = new double[4];
        private org.mscsim.cells.Tissue tissue;
        private final List<double[]> rows = new ArrayList<>();
        private int columns;
        private double lastTime;

        private State(Scenario scenario, double everyH, long stepsDone) {
            this.scenario = scenario;
            this.everyH = everyH;
            this.stepsDone = stepsDone;
        }

        public Scenario scenario() {
            return scenario;
        }

        public double everyH() {
            return everyH;
        }

        public long stepsDone() {
            return stepsDone;
        }

        public List<double[]> rows() {
            return rows;
        }

        public double lastTime() {
            return lastTime;
        }

        /** Puts every piece of state into {@code m}, which has just been set up for this scenario. */
        public void restoreInto(MscModel m) {
            m.tDivisions = counters[0];
            m.tDivisionsCd8 = counters[1];
            m.cd8Seeded = counters[2];
            m.tCellsSeeded = counters[3];
            m.nkKills = counters[4];
            m.mscLysed = counters[5];
            m.phagocytosed = counters[6];
            m.mscNotPlaced = counters[7];
            m.tDivisionWaits = counters[8];
            m.crowdingLogged = counters[9] != 0;
            m.antibodyPg = antibodyPg;
            m.restoreLog(log);
            ((RestorableUniformRandomProvider) m.rng).restoreState(new RandomProviderDefaultState(rng));
            for (FieldId id : FieldId.ALL) {
                Field f = m.fields.get(id);
                double[] saved = fields[id.ordinal()];
                if (saved.length != f.nx * f.ny) {
                    throw new IllegalStateException("checkpoint field " + id.key + " has " + saved.length
                            + " voxels, the grid " + f.nx * f.ny);
                }
                for (int y = 0; y < f.ny; y++) {
                    System.arraycopy(saved, y * f.nx, f.c[y], 0, f.nx);
                }
            }
            if (systemic != null) {
                Systemic s = new Systemic(scenario);
                try {
                    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(toBytes(systemic)));
                    s.readState(in);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                m.restoreSystemic(s);
            }
            System.arraycopy(influx, 0, m.influxCarry(), 0, influx.length);
            m.restoreTissue(tissue);
        }

        /** Puts the recorded series back into {@code ts} (and its temporary CSV). */
        public void restoreInto(TimeSeries ts, MscModel m) throws IOException {
            List<Observables.Column> cols = Observables.columns(m);
            if (cols.size() != columns) {
                throw new IOException("checkpoint rows have " + columns + " columns, this model " + cols.size());
            }
            ts.restore(cols, rows, lastTime);
        }

        private static byte[] toBytes(double[] v) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(b)) {
                for (double d : v) {
                    out.writeDouble(d);
                }
            }
            return b.toByteArray();
        }
    }

    /**
     * Reads a checkpoint for the run whose resolved scenario hashes to {@code expectedHash};
     * refuses, with a sentence for a person, a file from another version, format or scenario,
     * or one that is truncated or corrupt.
     */
    public static State read(Path file, String expectedHash) throws ScenarioException {
        String where = file.toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file, StandardOpenOption.READ), 1 << 16)) {
            CRC32 crc = new CRC32();
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new ScenarioException(where + ": not an MSCSim checkpoint");
            }
            int format = in.readInt();
            String version = in.readUTF();
            if (format != FORMAT || !version.equals(Version.get())) {
                throw new ScenarioException(where + ": written by MSCSim " + version + " (checkpoint format " + format + "); this is MSCSim "
                        + Version.get() + " (format " + FORMAT + "), which cannot continue it exactly; rerun from scenario.resolved.yaml");
            }
            String hash = in.readUTF();
            if (!hash.equals(expectedHash)) {
                throw new ScenarioException(where + ": belongs to another scenario than this run directory's scenario.resolved.yaml"
                        + " (scenario hash differs); refusing to mix them");
            }
            double everyH = in.readDouble();
            Scenario scenario;
            try {
                scenario = ScenarioLoader.parse(readLong(in, 16 << 20), "the scenario stored in it,");
            } catch (ScenarioException e) {
                // Read before the checksum (which covers the whole file): a damaged byte here
                // shows up as a bad key or value, which is damage, not a scenario to fix.
                throw new ScenarioException(where + ": corrupt checkpoint (" + e.problems().get(0) + ")");
            }
            long steps = in.readLong();
            State st = new State(scenario, everyH, steps);
            for (int i = 0; i < 10; i++) {
                st.counters[i] = in.readLong();
            }
            st.antibodyPg = in.readDouble();
            int logs = in.readInt();
            if (logs < 0 || logs > 10_000_000) {
                throw new IOException("corrupt log length");
            }
            for (int i = 0; i < logs; i++) {
                st.log.add(in.readUTF());
            }
            int rngLen = in.readInt();
            if (rngLen < 0 || rngLen > 4096) {
                throw new IOException("corrupt random state length");
            }
            st.rng = new byte[rngLen];
            in.readFully(st.rng);
            int nf = in.readInt();
            if (nf != FieldId.ALL.length) {
                throw new IOException("checkpoint has " + nf + " fields, this model " + FieldId.ALL.length);
            }
            long voxels = (long) scenario.integer("grid.width") * scenario.integer("grid.height");
            for (int f = 0; f < nf; f++) {
                int n = in.readInt();
                if (n != voxels) {
                    throw new IOException("field " + f + " has " + n + " voxels, the grid " + voxels);
                }
                double[] c = new double[n];
                for (int i = 0; i < n; i++) {
                    c[i] = in.readDouble();
                }
                st.fields[f] = c;
            }
            if (in.readBoolean()) {
                st.systemic = new double[6];
                for (int i = 0; i < 6; i++) {
                    st.systemic[i] = in.readDouble();
                }
            }
            for (int i = 0; i < 4; i++) {
                st.influx[i] = in.readDouble();
            }
            int cellCount = in.readInt();
            if (cellCount < 0 || cellCount > voxels) {
                throw new IOException("corrupt cell count " + cellCount);
            }
            st.tissue = new org.mscsim.cells.Tissue(scenario.integer("grid.width"), scenario.integer("grid.height"),
                    org.mscsim.fields.DiffusionSolver.Boundary.parse(scenario.text("grid.boundary")));
            for (int i = 0; i < cellCount; i++) {
                CellCodec.read(in, st.tissue);
            }
            st.columns = in.readInt();
            int nrows = in.readInt();
            if (st.columns <= 0 || st.columns > 1000 || nrows < 0 || nrows > 100_000_000) {
                throw new IOException("corrupt time-series size");
            }
            for (int r = 0; r < nrows; r++) {
                double[] row = new double[st.columns];
                for (int k = 0; k < row.length; k++) {
                    row[k] = in.readDouble();
                }
                st.rows.add(row);
            }
            st.lastTime = in.readDouble();
            long expected = crc.getValue();
            long stored = new DataInputStream(raw).readLong();
            if (stored != expected) {
                throw new IOException("checksum mismatch");
            }
            return st;
        } catch (ScenarioException e) {
            throw e;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ScenarioException(where + ": no checkpoint here");
        } catch (EOFException e) {
            throw new ScenarioException(where + ": truncated checkpoint; it cannot be used (the previous one was replaced atomically,"
                    + " so this file was damaged afterwards)");
        } catch (IOException | RuntimeException e) {
            throw new ScenarioException(where + ": corrupt checkpoint (" + e.getMessage() + ")");
        }
    }
}
