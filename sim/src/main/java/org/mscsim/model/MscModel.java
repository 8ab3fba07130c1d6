package org.mscsim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.mscsim.cells.BCell;
import org.mscsim.cells.Cell;
import org.mscsim.cells.CellType;
import org.mscsim.cells.Macrophage;
import org.mscsim.cells.Msc;
import org.mscsim.cells.NkCell;
import org.mscsim.cells.TCell;
import org.mscsim.cells.TargetCell;
import org.mscsim.cells.Tissue;
import org.mscsim.fields.DiffusionSolver;
import org.mscsim.fields.Field;
import org.mscsim.fields.FieldId;
import org.mscsim.fields.Fields;
import org.mscsim.fields.Workers;
import org.mscsim.invivo.Systemic;
import org.mscsim.scenario.Intervention;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.Parameters;
import org.mscsim.scenario.Scenario;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The MSCSim model: a tissue patch with cells and soluble fields, advanced by MASON's schedule.
 * Each step, in this order: every cell once in random order (sense, decide, secrete, move,
 * divide, die), diffusion and decay of every field, interventions due at the new time, then
 * observers at each output interval. All randomness comes from one Commons RNG stream seeded from the scenario.
 *
 * <p>This class has no GUI dependencies; the {@code viz} module observes it.
 */
public class MscModel extends SimState {

    private static final long serialVersionUID = 1L;

    /**
     * Orderings within a MASON time step. An intervention due at time t is applied at the end of
     * the step that reaches t, so the output row for t already shows it.
     */
    private static final int ORDER_BODY = 0;
    private static final int ORDER_CELLS = 1;
    private static final int ORDER_FIELDS = 2;
    private static final int ORDER_INTERVENTIONS = 3;
    private static final int ORDER_OBSERVE = 4;

    private Scenario scenario;
    private final int threads;

    /** The body around the patch, for in-vivo scenarios; null for cultures. */
    public Systemic systemic;
    private final Systemic.PatchState patchState = new Systemic.PatchState();
    private double[] influxCarry;

    public transient RestorableUniformRandomProvider rng;
    /** The random streams of the tiles being acted (see {@link CellRandom}); cells draw only from these. */
    public transient CellRandom cellRng;
    private transient NormalizedGaussianSampler cellGaussian;
    public ModelParams p;
    public Tissue tissue;
    public transient Fields fields;
    private transient Workers workers;
    public Field pge2;
    public Field tryptophan;
    public Field kynurenine;
    public Field tgfb;
    public Field ifng;
    public Field il10;
    public Field tnf;
    public Field il6;

    /** Cumulative T-cell divisions since the start. */
    public long tDivisions;
    /** Of which by CD8+ T cells. */
    public long tDivisionsCd8;
    /**
     * Steps in which a T cell ready to divide found no free neighbour and waited: how much the
     * lattice's room, not the biology, held proliferation back.
     */
    public long tDivisionWaits;
    /** Whether the log has said that the grid holds proliferation back (said once per window). */
    public boolean crowdingLogged;
    /** CD8+ T cells at time 0 plus any added since (in vivo: present at the end of the burn-in, then recruited). */
    public long cd8Seeded;
    /** Cumulative cells (targets and MSCs) lysed by NK cells. */
    public long nkKills;
    /** Cumulative MSCs lysed by NK cells. */
    public long mscLysed;
    /** Cumulative opsonised targets phagocytosed by macrophages. */
    public long phagocytosed;
    /** Antibody secreted into the patch so far, net of decay (pg). */
    public double antibodyPg;
    /**
     * T cells at time 0 plus any added since; the denominator of the division index. In vivo,
     * time 0 is the end of the burn-in: the T cells alive then plus those recruited after, the
     * same window as {@link #tDivisions}, which is zeroed there too.
     */
    public long tCellsSeeded;
    /** MSCs that could not be placed because the grid was full. */
    public long mscNotPlaced;

    /** Time steps completed since the start. */
    private long stepsDone;
    private int stepsPerOutput;
    private long totalSteps;
    private double patchMillilitres;
    private final List<Observer> observers = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    /** Receives one sample per output interval (and at time 0). */
    public interface Observer {
        void observe(MscModel model);
    }

    public MscModel(Scenario scenario, int threads) {
        super(scenario.seed());
        this.scenario = scenario;
        this.threads = threads;
    }

    public Scenario scenario() {
        return scenario;
    }

    public void addObserver(Observer o) {
        observers.add(o);
    }

    public void removeObserver(Observer o) {
        observers.remove(o);
    }

    /** Time steps a run of {@code time.hours} takes. */
    public long totalSteps() {
        return totalSteps;
    }

    public int stepsPerOutput() {
        return stepsPerOutput;
    }

    /** Simulated hours since the start. */
    public double timeH() {
        return stepsDone * p.dtMin / 60.0;
    }

    /** Time steps completed since the start. */
    public long stepsDone() {
        return stepsDone;
    }

    /** Notes about events a user should know of (e.g. cells that did not fit), in time order. */
    public List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public void start() {
        super.start();
        Scenario s = scenario;
        build(s);
        for (FieldId id : FieldId.ALL) {
            Field f = fields.get(id);
            f.fill(f.initial());
        }
        resetCounters();
        mscNotPlaced = 0;
        stepsDone = 0;
        seed(s);

        double dt = s.real("time.dt_min");
        systemic = null;
        if (s.bool("invivo.enabled")) {
            systemic = new Systemic(s);
            influxCarry = new double[4];
            long burnIn = Math.round(s.real("invivo.burn_in_h") * 60.0 / dt);
            for (long i = 0; i < burnIn; i++) {
                recirculate();
                tissue.stepAll(this);
                fields.step();
            }
            resetCounters(); // time 0 is the end of the burn-in
            countTCellsPresent();
            measurePatch();
            systemic.settle(patchState);
        }
        for (Intervention i : s.interventions()) {
            if (stepOf(i) == 0) {
                apply(i);
            }
        }
        scheduleFrom(0);
        notifyObservers();
    }

    /**
     * Continues a run from a checkpoint instead of starting it: the same set-up as
     * {@link #start}, then every piece of state restored, and the schedule resumed at the
     * checkpoint's step, so the rest of the run is identical to an uninterrupted one.
     */
    public void resume(org.mscsim.checkpoint.Checkpoint.State state) {
        super.start();
        scenario = state.scenario();
        build(scenario);
        state.restoreInto(this);
        stepsDone = state.stepsDone();
        if (scenario.bool("invivo.enabled") && systemic == null) {
            throw new IllegalStateException("checkpoint of an in-vivo run has no systemic state");
        }
        scheduleFrom(stepsDone);
    }

    private void resetCounters() {
        tDivisions = 0;
        tDivisionsCd8 = 0;
        tDivisionWaits = 0;
        crowdingLogged = false;
        nkKills = 0;
        mscLysed = 0;
        phagocytosed = 0;
        antibodyPg = 0;
        log.clear();
    }

    /**
     * Restarts the seeded-T-cell counts from the T cells alive now, so that after the burn-in the
     * division index's denominator covers the same window as its numerator (divisions since time 0).
     */
    private void countTCellsPresent() {
        long all = 0;
        long cd8 = 0;
        for (int i = 0; i < tissue.count(); i++) {
            Cell c = tissue.cell(i);
            if (c.alive() && c.type() == CellType.T_CELL) {
                all++;
                if (((TCell) c).cd8()) {
                    cd8++;
                }
            }
        }
        tCellsSeeded = all;
        cd8Seeded = cd8;
    }

    /** Everything {@link #start} and {@link #resume} share: random stream, lattice, fields, parameters. */
    private void build(Scenario s) {
        rng = RandomSource.XO_RO_SHI_RO_128_PP.create(s.seed());
        cellRng = new CellRandom(threads);
        cellGaussian = ZigguratSampler.NormalizedGaussian.of(cellRng);
        tallies = new Tally[threads];
        for (int k = 0; k < threads; k++) {
            tallies[k] = new Tally();
        }
        int w = s.integer("grid.width");
        int h = s.integer("grid.height");
        DiffusionSolver.Boundary boundary = DiffusionSolver.Boundary.parse(s.text("grid.boundary"));
        tissue = new Tissue(w, h, boundary);
        Field[] all = new Field[FieldId.ALL.length];
        for (FieldId id : FieldId.ALL) {
            all[id.ordinal()] = new Field(id, w, h, boundary);
        }
        if (workers != null) {
            workers.close();
        }
        workers = new Workers(threads);
        fields = new Fields(all, workers);
        pge2 = fields.get(FieldId.PGE2);
        tryptophan = fields.get(FieldId.TRYPTOPHAN);
        kynurenine = fields.get(FieldId.KYNURENINE);
        tgfb = fields.get(FieldId.TGF_BETA);
        ifng = fields.get(FieldId.IFN_GAMMA);
        il10 = fields.get(FieldId.IL10);
        tnf = fields.get(FieldId.TNF_ALPHA);
        il6 = fields.get(FieldId.IL6);
        configure(s);
        double voxel = s.real("grid.voxel_um");
        patchMillilitres = (double) w * h * voxel * voxel * s.real("grid.depth_um") * 1e-12;
        double dt = s.real("time.dt_min");
        totalSteps = Math.max(1, Math.round(s.real("time.hours") * 60.0 / dt));
        stepsPerOutput = (int) Math.max(1, Math.round(s.real("output.interval_h") * 60.0 / dt));
        systemic = null;
        influxCarry = new double[4];
    }

    /** The step whose end an intervention takes effect at (0: before the first step). */
    private long stepOf(Intervention i) {
        return (long) Math.ceil(i.atH() * 60.0 / scenario.real("time.dt_min") - 1e-9);
    }

    /** Schedules the per-step work and the interventions still due, from step {@code from} on. */
    private void scheduleFrom(long from) {
        if (systemic != null) {
            schedule.scheduleRepeating(from, ORDER_BODY, (Steppable) st -> {
                recirculate();
                applyVesicles(systemic.patchMscEquivalents());
            });
        }
        // Interventions due at the same step act in the file's order, as one schedule entry:
        // MASON shuffles entries that tie on time and ordering.
        java.util.TreeMap<Long, List<Intervention>> due = new java.util.TreeMap<>();
        for (Intervention i : scenario.interventions()) {
            long step = stepOf(i);
            if (step > from) {
                due.computeIfAbsent(step, k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<Long, List<Intervention>> e : due.entrySet()) {
            List<Intervention> together = e.getValue();
            schedule.scheduleOnce(e.getKey() - 1, ORDER_INTERVENTIONS, (Steppable) st -> {
                for (Intervention i : together) {
                    apply(i);
                }
            });
        }
        schedule.scheduleRepeating(from, ORDER_CELLS, (Steppable) st -> stepCells());
        schedule.scheduleRepeating(from, ORDER_FIELDS, (Steppable) st -> {
            fields.step();
            if (systemic != null) {
                measurePatch();
                systemic.step(patchState, p.dtH);
            }
            stepsDone++;
        });
        schedule.scheduleRepeating(from, ORDER_OBSERVE, (Steppable) st -> {
            if (stepsDone % stepsPerOutput == 0) {
                notifyObservers();
            }
        });
    }

    /** The per-voxel-irrelevant state a checkpoint needs: fractional arrivals carried over. */
    public double[] influxCarry() {
        return influxCarry;
    }

    /** Replaces the intervention log (checkpoint restore). */
    public void restoreLog(List<String> entries) {
        log.clear();
        log.addAll(entries);
    }

    /** Restores the systemic compartment (checkpoint restore). */
    public void restoreSystemic(Systemic s) {
        systemic = s;
    }

    private void stepCells() {
        tissue.stepAll(this);
        if (p.b.antibodyKeep != 1.0) {
            antibodyPg *= p.b.antibodyKeep;
        }
    }

    /**
     * Notifies observers with the current state. Called by the schedule at each output interval;
     * headless runners call it once more at the end when the run length is not a multiple.
     */
    public void notifyObservers() {
        for (Observer o : observers) {
            o.observe(this);
        }
    }

    @Override
    public void finish() {
        super.finish();
        if (workers != null) {
            workers.close();
            workers = null;
        }
    }

    /** Applies the scenario's physics to every field and rebuilds the per-step parameters. */
    private void configure(Scenario s) {
        double voxel = s.real("grid.voxel_um");
        double depth = s.real("grid.depth_um");
        double dt = s.real("time.dt_min");
        for (FieldId id : FieldId.ALL) {
            String k = "fields." + id.key + ".";
            fields.get(id).configure(voxel, depth, dt, s.real(k + "diffusion_um2_per_min"), s.real(k + "half_life_min"),
                    s.real(k + "uptake_pl_per_min"), s.real(k + "supply_per_h"), s.real(k + "initial"));
        }
        p = new ModelParams(s, fields);
        tissue.useThreads(workers, reach());
    }

    /** The furthest a cell acts from where it starts a step: its hops, a neighbour, a daughter (voxels). */
    private int reach() {
        double hops = Math.max(Math.max(p.t.hops, p.b.hops), Math.max(p.nk.hops, p.mac.hops));
        return (int) Math.ceil(hops) + 2;
    }

    /** Replaces the tissue with one restored from a checkpoint. */
    public void restoreTissue(Tissue t) {
        tissue = t;
        tissue.useThreads(workers, reach());
    }

    /** Places the initial populations on distinct random voxels: MSCs first (they adhere). */
    private void seed(Scenario s) {
        int msc = s.integer("populations.msc");
        int cd4 = s.integer("populations.t_cd4");
        int cd8 = s.integer("populations.t_cd8");
        int b = s.integer("populations.b");
        int nk = s.integer("populations.nk");
        int mac = s.integer("populations.macrophage");
        int targets = s.integer("populations.target");
        int n = tissue.voxels();
        int[] voxels = new int[n];
        for (int i = 0; i < n; i++) {
            voxels[i] = i;
        }
        int needed = msc + cd4 + cd8 + b + nk + mac + targets;
        for (int i = 0; i < needed; i++) {
            int j = i + rng.nextInt(n - i);
            int t = voxels[i];
            voxels[i] = voxels[j];
            voxels[j] = t;
        }
        int k = 0;
        double licensed = s.real("msc.initial_licensing");
        for (int i = 0; i < msc; i++) {
            tissue.add(new Msc(licensed), voxels[k++]);
        }
        for (int i = 0; i < cd4; i++) {
            tissue.add(new TCell(false), voxels[k++]);
        }
        for (int i = 0; i < cd8; i++) {
            tissue.add(new TCell(true), voxels[k++]);
        }
        for (int i = 0; i < b; i++) {
            tissue.add(new BCell(), voxels[k++]);
        }
        for (int i = 0; i < nk; i++) {
            tissue.add(new NkCell(), voxels[k++]);
        }
        for (int i = 0; i < mac; i++) {
            tissue.add(new Macrophage(), voxels[k++]);
        }
        for (int i = 0; i < targets; i++) {
            tissue.add(new TargetCell(p.target.opsonised), voxels[k++]);
        }
        tCellsSeeded = cd4 + cd8;
        cd8Seeded = cd8;
    }

    /** Applies one intervention now. */
    public void apply(Intervention i) {
        Intervention.Action a = i.action();
        int removed = 0;
        if (a instanceof Intervention.ReplateNk replate) {
            log.add(String.format(java.util.Locale.ROOT, "%.2f h: %s", timeH(), replateNk(replate.effectorsPerTarget())));
            return;
        }
        if (a instanceof Intervention.AddMsc add) {
            addMsc(add.count());
        } else if (a instanceof Intervention.RemoveMsc remove) {
            removed = removeMsc(remove.count());
        } else if (a instanceof Intervention.AddTargets add) {
            addTargets(add.count());
        } else if (a instanceof Intervention.ReplaceMedium medium) {
            replaceMedium(medium.fraction());
        } else if (a instanceof Intervention.InfuseMscPerKg infuse) {
            if (systemic == null) {
                throw new IllegalStateException("infuse_msc_per_kg needs invivo.enabled");
            }
            systemic.infuse(infuse.cellsPerKg());
        } else if (a instanceof Intervention.Block block) {
            Scenario s = scenario;
            for (Map.Entry<String, Double> e : block.strengths().entrySet()) {
                s = s.with("blockade." + e.getKey(), e.getValue());
            }
            setScenario(s);
        } else if (a instanceof Intervention.SetParameters set) {
            Scenario s = scenario;
            for (Map.Entry<String, Object> e : set.values().entrySet()) {
                s = s.with(e.getKey(), e.getValue());
            }
            setScenario(s);
        }
        log.add(String.format(java.util.Locale.ROOT, "%.2f h: %s", timeH(), describe(a, removed)));
    }

    /**
     * The log line of an action, in the words and units of the GUI's controls ({@link ActionText});
     * {@code removed}: the MSCs a remove_msc found to remove.
     */
    private String describe(Intervention.Action a, int removed) {
        if (a instanceof Intervention.AddMsc add) {
            return "added " + add.count() + " MSCs";
        }
        if (a instanceof Intervention.RemoveMsc remove) {
            return removed == remove.count() ? "removed " + removed + " MSCs"
                    : "removed " + removed + " MSCs (all there were; asked for up to " + remove.count() + ")";
        }
        if (a instanceof Intervention.AddTargets add) {
            return "added " + add.count() + " target cells";
        }
        if (a instanceof Intervention.ReplaceMedium medium) {
            return "replaced " + Math.round(medium.fraction() * 100) + " % of the medium";
        }
        if (a instanceof Intervention.InfuseMscPerKg infuse) {
            return "infused " + ActionText.millions(infuse.cellsPerKg()) + " MSC/kg IV ("
                    + ActionText.scientific(infuse.cellsPerKg() * scenario.real("invivo.body_weight_kg")) + " cells)";
        }
        if (a instanceof Intervention.Block b) {
            return ActionText.blockades(b.strengths());
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : ((Intervention.SetParameters) a).values().entrySet()) {
            b.append(b.length() == 0 ? "" : ", ");
            String key = e.getKey();
            String blockade = key.startsWith("blockade.") ? key.substring("blockade.".length()) : null;
            if (blockade != null && ActionText.BLOCKADES.containsKey(blockade) && e.getValue() instanceof Number n) {
                b.append(ActionText.blockade(blockade, n.doubleValue()));
            } else {
                b.append("set ").append(key).append(" = ").append(e.getValue());
            }
        }
        return b.toString();
    }

    /** Seeds {@code count} MSCs on random free voxels; those that do not fit are logged. */
    public int addMsc(int count) {
        int placed = 0;
        for (int i = 0; i < count; i++) {
            int v = tissue.randomFreeVoxel(rng);
            if (v < 0) {
                break;
            }
            tissue.add(new Msc(), v);
            placed++;
        }
        if (placed < count) {
            mscNotPlaced += count - placed;
            log.add(String.format(java.util.Locale.ROOT, "%.2f h: only %d of %d MSCs fitted on the grid", timeH(), placed, count));
        }
        return placed;
    }

    /** Removes up to {@code count} MSCs chosen at random (as when MSCs are taken out of a culture). */
    public int removeMsc(int count) {
        List<Cell> mscs = new ArrayList<>();
        for (int i = 0; i < tissue.count(); i++) {
            Cell c = tissue.cell(i);
            if (c.alive() && c instanceof Msc) {
                mscs.add(c);
            }
        }
        int n = Math.min(count, mscs.size());
        for (int i = 0; i < n; i++) {
            int j = i + rng.nextInt(mscs.size() - i);
            Cell c = mscs.set(j, mscs.get(i));
            c.die(this);
        }
        return n;
    }

    /**
     * Re-plates the NK cells for a cytotoxicity read-out ({@link Intervention.ReplateNk}): takes
     * every other cell out, replaces the medium and adds one target per {@code effectorsPerTarget}
     * NK cells alive. Returns the log line.
     */
    public String replateNk(double effectorsPerTarget) {
        List<Cell> others = new ArrayList<>();
        int nk = 0;
        for (int i = 0; i < tissue.count(); i++) {
            Cell c = tissue.cell(i);
            if (c.alive()) {
                if (c instanceof NkCell) {
                    nk++;
                } else {
                    others.add(c);
                }
            }
        }
        for (Cell c : others) {
            c.die(this);
        }
        replaceMedium(1.0);
        int targets = addTargets(Math.max(1, (int) Math.round(nk / effectorsPerTarget)));
        return String.format(java.util.Locale.ROOT, "re-plated %d NK cells with %d target cells (E:T %s:1) in fresh medium; %d other cells taken out",
                nk, targets, ActionText.scientific(effectorsPerTarget), others.size());
    }

    /** Adds target cells on random free voxels; those that do not fit are logged. */
    public int addTargets(int count) {
        int placed = 0;
        for (int i = 0; i < count; i++) {
            int v = tissue.randomFreeVoxel(rng);
            if (v < 0) {
                break;
            }
            tissue.add(new TargetCell(p.target.opsonised), v);
            placed++;
        }
        if (placed < count) {
            log.add(String.format(java.util.Locale.ROOT, "%.2f h: only %d of %d target cells fitted on the grid", timeH(), placed, count));
        }
        return placed;
    }

    /** Moves every field {@code fraction} of the way back to its initial level (a medium change). */
    public void replaceMedium(double fraction) {
        for (FieldId id : FieldId.ALL) {
            Field f = fields.get(id);
            double fresh = f.initial() * fraction;
            f.scale(1.0 - fraction, fresh);
        }
    }

    /**
     * Replaces the running scenario by one that differs only in live parameters (checked here)
     * and applies it from the next step on.
     */
    public void setScenario(Scenario next) {
        for (Param param : Parameters.get().all()) {
            if (!param.live() && !next.value(param.key()).equals(scenario.value(param.key()))) {
                throw new IllegalArgumentException(param.key() + " cannot change during a run");
            }
        }
        scenario = next;
        configure(next);
        if (systemic != null) {
            systemic.configure(next);
        }
    }

    /**
     * In vivo: naive lymphocytes and monocytes arrive from the blood at the scenario's rates
     * (T cells scaled by their circulating level), each at a random free voxel. Fractional
     * arrivals carry over to the next step, so no randomness is spent on them.
     */
    private void recirculate() {
        Scenario s = scenario;
        double dtH = p.dtH;
        double tBlood = systemic == null ? 1.0 : systemic.tBloodRelative();
        double cd4 = s.integer("populations.t_cd4");
        double cd8 = s.integer("populations.t_cd8");
        double cd8Share = cd4 + cd8 == 0 ? 0.35 : cd8 / (cd4 + cd8);
        for (int k = 0; k < influxCarry.length; k++) {
            double rate = k == 0 ? s.real("invivo.t_influx_per_h") * tBlood
                    : s.real(k == 1 ? "invivo.b_influx_per_h" : k == 2 ? "invivo.nk_influx_per_h" : "invivo.monocyte_influx_per_h");
            influxCarry[k] += rate * dtH;
            while (influxCarry[k] >= 1.0) {
                influxCarry[k] -= 1.0;
                int v = tissue.randomFreeVoxel(rng);
                if (v < 0) {
                    continue;
                }
                switch (k) {
                    case 0:
                        boolean isCd8 = rng.nextDouble() < cd8Share;
                        tissue.add(new TCell(isCd8), v);
                        tCellsSeeded++;
                        if (isCd8) {
                            cd8Seeded++;
                        }
                        break;
                    case 1:
                        tissue.add(new BCell(), v);
                        break;
                    case 2:
                        tissue.add(new NkCell(), v);
                        break;
                    default:
                        tissue.add(new Macrophage(), v);
                }
            }
        }
    }

    /**
     * The licensed-MSC secretome carried by extracellular vesicles, {@code mscEquivalents} MSCs'
     * worth spread evenly over the patch: PGE2, active TGF-β and IL-6 secretion and IDO
     * tryptophan conversion, with the same blockades as MSCs in the patch.
     */
    private void applyVesicles(double mscEquivalents) {
        if (mscEquivalents <= 0) {
            return;
        }
        ModelParams.Msc q = p.msc;
        double share = mscEquivalents / tissue.voxels();
        double dt = p.dtMin;
        double sPge2 = share * q.pge2Basal * q.pge2Fold * (1.0 - p.blockPge2) * dt;
        double sTgfb = share * q.tgfb * q.tgfbFold * dt;
        double sIl6 = share * q.il6 * dt;
        double vmax = share * q.idoVmax * (1.0 - p.blockIdo);
        double km = q.idoKm;
        for (int y = 0; y < pge2.ny; y++) {
            double[] a = pge2.c[y];
            double[] b = tgfb.c[y];
            double[] c6 = il6.c[y];
            double[] trp = tryptophan.c[y];
            double[] kyn = kynurenine.c[y];
            for (int i = 0; i < a.length; i++) {
                a[i] += sPge2;
                b[i] += sTgfb;
                c6[i] += sIl6;
                double before = trp[i];
                double after = before / (1.0 + dt * vmax / (km + before));
                trp[i] = after;
                kyn[i] += before - after;
            }
        }
    }

    /** Reads the patch quantities the body responds to into {@link #patchState}. */
    private void measurePatch() {
        int plasma = 0;
        int cd8 = 0;
        int cd8Active = 0;
        int macrophages = 0;
        double phago = 0;
        ModelParams.Mac mq = p.mac;
        for (int i = 0; i < tissue.count(); i++) {
            Cell c = tissue.cell(i);
            if (!c.alive()) {
                continue;
            }
            if (c instanceof BCell bc) {
                if (bc.phenotype() == BCell.Phenotype.PLASMA) {
                    plasma++;
                }
            } else if (c instanceof TCell tc) {
                if (tc.cd8()) {
                    cd8++;
                    if (tc.phenotype() == TCell.Phenotype.ACTIVATED) {
                        cd8Active++;
                    }
                }
            } else if (c instanceof Macrophage mac) {
                macrophages++;
                phago += mac.phenotype() == Macrophage.Phenotype.M1 ? mq.pPhagocytoseM1
                        : mac.phenotype() == Macrophage.Phenotype.M2 ? mq.pPhagocytoseM2 : mq.pPhagocytoseM0;
            }
        }
        patchState.plasmaCells = plasma;
        patchState.antibodyPgPerCellDay = scenario.real("b_cell.antibody_pg_per_day");
        patchState.phagocyticCapacity = macrophages == 0 || mq.pPhagocytoseM1 == 0 ? 0 : phago / (macrophages * mq.pPhagocytoseM1);
        patchState.activatedCd8Share = cd8 == 0 ? 0 : (double) cd8Active / cd8;
    }

    /** Log-normal duration with the given mean and coefficient of variation (h); cells call it while they act. */
    public double cycleDuration(double meanH, double cv) {
        if (cv <= 0) {
            return meanH;
        }
        double sigma2 = Math.log1p(cv * cv);
        return meanH * Math.exp(Math.sqrt(sigma2) * cellGaussian.sample() - 0.5 * sigma2);
    }

    /** What cells count while they act, one tally per worker part, folded in after each step. */
    public static final class Tally {
        public long tDivisions;
        public long tDivisionsCd8;
        public long tDivisionWaits;
        public long nkKills;
        public long mscLysed;
        public long phagocytosed;
        public long antibodySecretions;
    }

    private transient Tally[] tallies;

    /** The calling worker part's tally. */
    public Tally tally() {
        return tallies[Workers.part()];
    }

    /** Adds the parts' tallies to the model's counters (in part order; sums of counts) and clears them. */
    public void foldTallies() {
        for (Tally t : tallies) {
            tDivisions += t.tDivisions;
            tDivisionsCd8 += t.tDivisionsCd8;
            tDivisionWaits += t.tDivisionWaits;
            nkKills += t.nkKills;
            mscLysed += t.mscLysed;
            phagocytosed += t.phagocytosed;
            for (long k = 0; k < t.antibodySecretions; k++) {
                antibodyPg += p.b.antibodyPgPerStep; // one addition per plasma cell, as when each added its own
            }
            t.tDivisions = 0;
            t.tDivisionsCd8 = 0;
            t.tDivisionWaits = 0;
            t.nkKills = 0;
            t.mscLysed = 0;
            t.phagocytosed = 0;
            t.antibodySecretions = 0;
        }
        // Said once, when T cells ready to divide have waited for room as often as there are T cells:
        // from then on the grid, not the biology, limits proliferation (Crowding has the measure).
        // A flag, not a crossing: in vivo recruits raise the T-cell count past the waits again.
        if (!crowdingLogged && tCellsSeeded > 0 && tDivisionWaits >= tCellsSeeded) {
            crowdingLogged = true;
            log.add(String.format(java.util.Locale.ROOT, "%.2f h: the grid is full around dividing T cells (they have waited for a"
                    + " free neighbour %d times); proliferation is limited by space from here", timeH(), tDivisionWaits));
        }
    }

    /**
     * Secretion by the cell in voxel (x, y) (rates in field units per minute) of PGE2, active
     * TGF-β, IFN-γ, IL-10, TNF-α and IL-6, together with its uptake of every field that has one, over
     * one step. Tryptophan use by IDO is the MSC's own business.
     */
    public void secrete(int x, int y, double sPge2, double sTgfb, double sIfng, double sIl10, double sTnf, double sIl6) {
        if (sPge2 != 0 || pge2.takenUp()) {
            pge2.secreteAndTakeUp(x, y, sPge2);
        }
        if (tryptophan.takenUp()) {
            tryptophan.secreteAndTakeUp(x, y, 0);
        }
        if (kynurenine.takenUp()) {
            kynurenine.secreteAndTakeUp(x, y, 0);
        }
        tgfb.secreteAndTakeUp(x, y, sTgfb);
        ifng.secreteAndTakeUp(x, y, sIfng);
        il10.secreteAndTakeUp(x, y, sIl10);
        tnf.secreteAndTakeUp(x, y, sTnf);
        il6.secreteAndTakeUp(x, y, sIl6);
    }

    /** Antibody concentration in the patch (ng/mL). */
    public double antibodyNgPerMl() {
        return antibodyPg / 1000.0 / patchMillilitres;
    }

    /** Runs one step of the schedule. */
    public void step() {
        schedule.step(this);
    }

    /** All cells alive now, in list order. */
    public List<Cell> cells() {
        List<Cell> out = new ArrayList<>(tissue.count());
        for (int i = 0; i < tissue.count(); i++) {
            out.add(tissue.cell(i));
        }
        return out;
    }
}
