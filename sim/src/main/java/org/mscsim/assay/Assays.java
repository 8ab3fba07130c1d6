package org.mscsim.assay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.mscsim.batch.Batch;
import org.mscsim.model.ActionText;
import org.mscsim.model.Crowding;
import org.mscsim.model.Observables;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;

/**
 * The virtual bench assays: the classic MSC experiments, run in silico with replicates and read
 * out the way a lab reads them. Each returns the numbers it measured (for the validation report)
 * and a {@link Report} with tables, charts and printed text.
 */
public final class Assays {

    /** The four MSC pathways and the blockade that removes each. */
    public static final List<String> PATHWAYS = List.of("pd_l1", "ido", "pge2", "tgf_beta");
    public static final Map<String, String> NAME = Map.of("pd_l1", "PD-L1", "ido", "IDO", "pge2", "PGE2", "tgf_beta", "TGF-β");
    public static final Map<String, String> BLOCKER = Map.of(
            "pd_l1", "anti-PD-L1", "ido", "1-MT (IDO)", "pge2", "indomethacin (COX-2)", "tgf_beta", "anti-TGF-β");

    private Assays() {
    }

    /**
     * How an assay runs: replicates per condition, parallel runs, progress; and, when the base
     * scenario's patch was enlarged at the same cells per µL ({@code --room}), the depth of medium
     * it had before ({@code NaN} otherwise), which the NK assay, laying out its own patch, restores.
     */
    public record Options(int replicates, int workers, Batch.Progress progress, double depthBeforeRoomUm) {
        public Options(int replicates, int workers, Batch.Progress progress) {
            this(replicates, workers, progress, Double.NaN);
        }

        /** The factor by which {@code --room} enlarged {@code base}'s area (1 without it). */
        double area(Scenario base) {
            return Double.isNaN(depthBeforeRoomUm) ? 1.0 : depthBeforeRoomUm / base.real("grid.depth_um");
        }
    }

    // ---------------------------------------------------------------- readouts

    /** T cells seeded at the start of a run. */
    static int tSeeded(Batch.Outcome o) {
        Scenario s = o.job().scenario();
        return s.integer("populations.t_cd4") + s.integer("populations.t_cd8");
    }

    /** Division index: T-cell divisions per seeded T cell (what CFSE dilution measures). */
    public static double divisionIndex(Batch.Outcome o) {
        return o.last("t_divisions") / Math.max(1, tSeeded(o));
    }

    /** Waiting for room per division as a share of a cell cycle ({@link Crowding}). */
    static double roomWait(Batch.Outcome o) {
        Scenario s = o.job().scenario();
        return Crowding.share(o.last("t_division_waits"), o.last("t_divisions"), s.real("time.dt_min"), s.real("t_cell.cycle_h"));
    }

    /**
     * Warns in {@code rep} about each condition whose runs' proliferation the full grid held back
     * (the mean over replicates of {@link #roomWait}); says nothing when room never ran short.
     */
    static void warnCrowding(Report rep, Experiment e, Experiment.Results res, Options o) {
        // Half as much again on the edge as the runs had: --room 1.5 first, then 2.3, 3.4, ...
        double room = Math.ceil(15 * Math.sqrt(o.area(e.base())) - 1e-9) / 10.0;
        String remedy = room > 5 ? "the grid is as large as --room makes it; fewer cells, or a shorter culture, would be needed"
                : String.format(Locale.ROOT, "--room %s gives them %.2f× the area", ActionText.scientific(room), room * room);
        boolean any = false;
        for (String label : e.labels()) {
            double share = Stats.of(res.values(label, Assays::roomWait)).mean();
            if (Crowding.limits(share)) {
                if (!any) {
                    rep.say("");
                    any = true;
                }
                rep.say(Crowding.warning("condition " + label, share, remedy));
            }
        }
    }

    static double divisionIndexCd8(Batch.Outcome o) {
        return o.last("t_divisions_cd8") / Math.max(1, o.job().scenario().integer("populations.t_cd8"));
    }

    static double divisionIndexCd4(Batch.Outcome o) {
        return (o.last("t_divisions") - o.last("t_divisions_cd8")) / Math.max(1, o.job().scenario().integer("populations.t_cd4"));
    }

    /** % suppression of proliferation against a reference without MSCs (same replicate). */
    static double suppression(double di, double reference) {
        return reference <= 0 ? 0.0 : 100.0 * (1.0 - di / reference);
    }

    /** An MSC:T-cell ratio such as "1:10", or "none". */
    public record Ratio(String label, double mscPerT) {

        public static Ratio parse(String text) throws ScenarioException {
            String t = text.trim();
            if (t.equalsIgnoreCase("none") || t.equals("0")) {
                return new Ratio("none", 0);
            }
            String[] p = t.split(":");
            try {
                if (p.length == 2) {
                    double a = Double.parseDouble(p[0]);
                    double b = Double.parseDouble(p[1]);
                    if (a > 0 && b > 0 && Double.isFinite(a / b)) {
                        return new Ratio(t, a / b);
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ScenarioException("ratio \"" + text + "\": expected MSC:T such as 1:10, or none");
        }

        /** The {@code populations.msc} override for a base scenario. */
        String mscSet(Scenario base) {
            int t = base.integer("populations.t_cd4") + base.integer("populations.t_cd8");
            return "populations.msc=" + Math.round(t * mscPerT);
        }
    }

    public static List<Ratio> ratios(List<String> texts) throws ScenarioException {
        List<Ratio> out = new ArrayList<>();
        for (String t : texts) {
            out.add(Ratio.parse(t));
        }
        return out;
    }

    // ---------------------------------------------------------------- suppression

    /** % suppression (all, CD4, CD8) and division index per ratio. */
    public record Suppression(Map<String, Stats> pct, Map<String, Stats> pctCd4, Map<String, Stats> pctCd8,
                              Map<String, Stats> divisionIndex, Report report) {
    }

    public static Suppression suppression(Scenario base, List<Ratio> ratios, Options o) throws ScenarioException {
        Experiment e = new Experiment(base, o.replicates());
        e.condition("none", "populations.msc=0");
        for (Ratio r : ratios) {
            if (r.mscPerT() > 0) {
                e.condition(r.label(), r.mscSet(base));
            }
        }
        Experiment.Results res = e.run(o.workers(), o.progress());
        Table perRun = new Table("suppression-runs", "ratio", "replicate", "seed", "msc", "division_index",
                "pct_suppression", "pct_suppression_cd4", "pct_suppression_cd8");
        Table summary = new Table("suppression", "ratio", "n", "division_index_mean", "division_index_sd",
                "pct_suppression_mean", "pct_suppression_sd", "pct_suppression_cd4_mean", "pct_suppression_cd8_mean");
        Map<String, Stats> pct = new LinkedHashMap<>();
        Map<String, Stats> pct4 = new LinkedHashMap<>();
        Map<String, Stats> pct8 = new LinkedHashMap<>();
        Map<String, Stats> dis = new LinkedHashMap<>();
        for (String label : e.labels()) {
            double[] di = res.values(label, Assays::divisionIndex);
            double[] s = res.paired(label, "none", (a, b) -> suppression(divisionIndex(a), divisionIndex(b)));
            double[] s4 = res.paired(label, "none", (a, b) -> suppression(divisionIndexCd4(a), divisionIndexCd4(b)));
            double[] s8 = res.paired(label, "none", (a, b) -> suppression(divisionIndexCd8(a), divisionIndexCd8(b)));
            List<Batch.Outcome> runs = res.of(label);
            for (int r = 0; r < runs.size(); r++) {
                perRun.row(label, r + 1, runs.get(r).job().scenario().seed(), runs.get(r).job().scenario().integer("populations.msc"),
                        di[r], s[r], s4[r], s8[r]);
            }
            pct.put(label, Stats.of(s));
            pct4.put(label, Stats.of(s4));
            pct8.put(label, Stats.of(s8));
            dis.put(label, Stats.of(di));
            summary.row(label, di.length, dis.get(label).mean(), dis.get(label).sd(), pct.get(label).mean(), pct.get(label).sd(),
                    pct4.get(label).mean(), pct8.get(label).mean());
        }
        Report rep = new Report("Suppression assay: T-cell proliferation with MSCs at several MSC:T ratios");
        rep.say(describe(base, o)).say("");
        Table shown = new Table("shown", "MSC:T", "division index", "% suppression", "CD4 %", "CD8 %");
        for (String label : e.labels()) {
            shown.row(label, dis.get(label).format(2), pct.get(label).format(1), pct4.get(label).format(1), pct8.get(label).format(1));
        }
        rep.say(shown.text().stripTrailing());
        rep.say("").say("% suppression = 1 − division index / division index without MSCs (same replicate), as from CFSE dilution.");
        rep.say("Published shape: strong at 1:1 (~90 % and more), substantial at 1:10, weak at 1:100 (Di Nicola 2002; Le Blanc 2003).");
        warnCrowding(rep, e, res, o);
        rep.table(summary).table(perRun);
        List<String> cats = new ArrayList<>(pct.keySet());
        cats.remove("none");
        rep.chart("suppression", AssayCharts.bars("T-cell suppression by MSC:T ratio (mean ± SD, n = " + o.replicates() + ")",
                "MSC : T-cell ratio", "% suppression of divisions", List.of(
                        new AssayCharts.Bars("all T cells", cats, cats.stream().map(pct::get).toList()),
                        new AssayCharts.Bars("CD4+", cats, cats.stream().map(pct4::get).toList()),
                        new AssayCharts.Bars("CD8+", cats, cats.stream().map(pct8::get).toList()))));
        return new Suppression(pct, pct4, pct8, dis, rep);
    }

    // ---------------------------------------------------------------- transwell

    /** % suppression in contact and across a transwell, with and without anti-PD-L1, per ratio. */
    public record Transwell(Map<String, Stats> contact, Map<String, Stats> transwell, Map<String, Stats> contactAntiPdl1,
                            Map<String, Stats> transwellAntiPdl1, Report report) {
    }

    public static Transwell transwell(Scenario base, List<Ratio> ratios, Options o) throws ScenarioException {
        Experiment e = new Experiment(base, o.replicates());
        e.condition("none", "populations.msc=0");
        List<String> labels = new ArrayList<>();
        for (Ratio r : ratios) {
            if (r.mscPerT() <= 0) {
                continue;
            }
            labels.add(r.label());
            e.condition(r.label() + " contact", r.mscSet(base), "coculture.transwell=false");
            e.condition(r.label() + " transwell", r.mscSet(base), "coculture.transwell=true");
            e.condition(r.label() + " contact + anti-PD-L1", r.mscSet(base), "coculture.transwell=false", "blockade.pd_l1=1");
            e.condition(r.label() + " transwell + anti-PD-L1", r.mscSet(base), "coculture.transwell=true", "blockade.pd_l1=1");
        }
        Experiment.Results res = e.run(o.workers(), o.progress());
        Map<String, Stats> contact = new LinkedHashMap<>();
        Map<String, Stats> tw = new LinkedHashMap<>();
        Map<String, Stats> contactPd = new LinkedHashMap<>();
        Map<String, Stats> twPd = new LinkedHashMap<>();
        Table t = new Table("transwell", "ratio", "condition", "n", "pct_suppression_mean", "pct_suppression_sd");
        for (String l : labels) {
            contact.put(l, pct(res, l + " contact"));
            tw.put(l, pct(res, l + " transwell"));
            contactPd.put(l, pct(res, l + " contact + anti-PD-L1"));
            twPd.put(l, pct(res, l + " transwell + anti-PD-L1"));
            for (String c : List.of("contact", "transwell", "contact + anti-PD-L1", "transwell + anti-PD-L1")) {
                Stats s = pct(res, l + " " + c);
                t.row(l, c, s.n(), s.mean(), s.sd());
            }
        }
        Report rep = new Report("Transwell assay: suppression with and without MSC–T-cell contact");
        rep.say(describe(base, o)).say("");
        Table shown = new Table("shown", "MSC:T", "contact %", "transwell %", "contact + anti-PD-L1 %", "transwell + anti-PD-L1 %");
        for (String l : labels) {
            shown.row(l, contact.get(l).format(1), tw.get(l).format(1), contactPd.get(l).format(1), twPd.get(l).format(1));
        }
        rep.say(shown.text().stripTrailing()).say("");
        rep.say("A transwell removes all MSC–immune-cell contact, so PD-L1 acts only in contact: anti-PD-L1 changes");
        rep.say("suppression in contact but not across the membrane. Published: suppression is largely retained");
        rep.say("across a transwell (Di Nicola 2002).");
        warnCrowding(rep, e, res, o);
        rep.table(t);
        rep.chart("transwell", AssayCharts.bars("Suppression in contact and across a transwell (mean ± SD)", "MSC : T-cell ratio",
                "% suppression of divisions", List.of(
                        new AssayCharts.Bars("contact", labels, labels.stream().map(contact::get).toList()),
                        new AssayCharts.Bars("transwell", labels, labels.stream().map(tw::get).toList()),
                        new AssayCharts.Bars("contact + anti-PD-L1", labels, labels.stream().map(contactPd::get).toList()),
                        new AssayCharts.Bars("transwell + anti-PD-L1", labels, labels.stream().map(twPd::get).toList()))));
        return new Transwell(contact, tw, contactPd, twPd, rep);
    }

    private static Stats pct(Experiment.Results res, String label) {
        return Stats.of(res.paired(label, "none", (a, b) -> suppression(divisionIndex(a), divisionIndex(b))));
    }

    // ---------------------------------------------------------------- blockade panel

    /** Division index per condition and % of proliferation each blockade restores. */
    public record Blockade(Map<String, Stats> divisionIndex, Map<String, Stats> restored, Report report) {
    }

    public static Blockade blockade(Scenario base, Ratio ratio, Options o) throws ScenarioException {
        Experiment e = new Experiment(base, o.replicates());
        e.condition("no MSC", "populations.msc=0");
        e.condition("MSC", ratio.mscSet(base));
        for (String p : PATHWAYS) {
            e.condition("MSC + " + BLOCKER.get(p), ratio.mscSet(base), "blockade." + p + "=1");
        }
        e.condition("MSC + all four", ratio.mscSet(base), "blockade.pd_l1=1", "blockade.ido=1", "blockade.pge2=1", "blockade.tgf_beta=1");
        Experiment.Results res = e.run(o.workers(), o.progress());
        Map<String, Stats> di = new LinkedHashMap<>();
        Map<String, Stats> restored = new LinkedHashMap<>();
        Table t = new Table("blockade", "condition", "n", "division_index_mean", "division_index_sd",
                "pct_restored_mean", "pct_restored_sd");
        for (String l : e.labels()) {
            di.put(l, Stats.of(res.values(l, Assays::divisionIndex)));
            double[] rest = new double[o.replicates()];
            List<Batch.Outcome> c = res.of(l);
            for (int r = 0; r < rest.length; r++) {
                double none = divisionIndex(res.of("no MSC").get(r));
                double msc = divisionIndex(res.of("MSC").get(r));
                rest[r] = none == msc ? 0 : 100.0 * (divisionIndex(c.get(r)) - msc) / (none - msc);
            }
            restored.put(l, Stats.of(rest));
            t.row(l, rest.length, di.get(l).mean(), di.get(l).sd(), restored.get(l).mean(), restored.get(l).sd());
        }
        Report rep = new Report("Blockade panel at MSC:T " + ratio.label() + ": how much proliferation each blockade restores");
        rep.say(describe(base, o)).say("");
        Table shown = new Table("shown", "condition", "division index", "% restored");
        for (String l : e.labels()) {
            shown.row(l, di.get(l).format(2), restored.get(l).format(1));
        }
        rep.say(shown.text().stripTrailing()).say("");
        rep.say("% restored = (DI with blockade − DI with MSCs) / (DI without MSCs − DI with MSCs), same replicate.");
        rep.say("Published single-blockade restorations in human co-culture were not found as numbers (scenarios/biology.md);");
        rep.say("these are the model's predictions.");
        warnCrowding(rep, e, res, o);
        rep.table(t);
        List<String> cats = new ArrayList<>(e.labels());
        cats.remove("no MSC");
        cats.remove("MSC");
        // Every bar has MSCs, so the chart names only the blockade (the axis says "added to MSCs"),
        // and the target goes on its own line: "MSC + indomethacin (COX-2)" was cut to "MSC…".
        List<String> shortCats = cats.stream().map(l -> l.replaceFirst("^MSC \\+ ", "").replace(" (", "\n(")).toList();
        rep.chart("blockade", AssayCharts.bars("Proliferation restored by each blockade at MSC:T " + ratio.label() + " (mean ± SD)",
                "blockade added to MSCs", "% of MSC suppression removed", List.of(
                        new AssayCharts.Bars("% restored", shortCats, cats.stream().map(restored::get).toList()))));
        return new Blockade(di, restored, rep);
    }

    // ---------------------------------------------------------------- mechanism attribution

    /** Per pathway: effect alone, effect lost by knocking it out, and Shapley share of the total. */
    public record Attribution(String readout, Stats total, Stats inertMsc, Map<String, Stats> alone, Map<String, Stats> knockout,
                              Map<String, Stats> shapley, Stats interaction, Report report) {
    }

    /**
     * Runs every combination of the four pathways on and off (16 conditions, the others blocked)
     * plus a culture without MSCs, and splits the MSC effect on a readout among pathways with
     * Shapley values: each pathway's average marginal effect over all orders of switching
     * pathways on. The Shapley values add up exactly to the total effect; how far the single
     * pathways alone fall short of (or exceed) the total is shown as the interaction.
     */
    public static Attribution attribution(Scenario base, String readout, Options o) throws ScenarioException {
        Observables.index(readout);
        if (base.integer("populations.msc") == 0 && base.interventions().stream()
                .noneMatch(i -> i.action() instanceof org.mscsim.scenario.Intervention.AddMsc)) {
            throw new ScenarioException("attribution needs MSCs in the scenario (populations.msc is 0)");
        }
        int n = PATHWAYS.size();
        Experiment e = new Experiment(base, o.replicates());
        e.condition("no MSC", "populations.msc=0", "interventions=[]");
        for (int mask = 0; mask < (1 << n); mask++) {
            List<String> sets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) == 0) {
                    sets.add("blockade." + PATHWAYS.get(i) + "=1");
                }
            }
            e.condition(subset(mask), sets.toArray(new String[0]));
        }
        Experiment.Results res = e.run(o.workers(), o.progress());
        int reps = o.replicates();
        double[][] f = new double[1 << n][reps];
        for (int mask = 0; mask < (1 << n); mask++) {
            f[mask] = res.values(subset(mask), out -> out.last(readout));
        }
        double[] none = res.values("no MSC", out -> out.last(readout));
        int all = (1 << n) - 1;
        double[] total = new double[reps];
        double[] inert = new double[reps];
        double[] interaction = new double[reps];
        Map<String, Stats> alone = new LinkedHashMap<>();
        Map<String, Stats> knockout = new LinkedHashMap<>();
        Map<String, Stats> shapley = new LinkedHashMap<>();
        double[][] phi = new double[n][reps];
        for (int r = 0; r < reps; r++) {
            total[r] = f[all][r] - f[0][r];
            inert[r] = f[0][r] - none[r];
            double sumAlone = 0;
            for (int i = 0; i < n; i++) {
                sumAlone += f[1 << i][r] - f[0][r];
                for (int mask = 0; mask < (1 << n); mask++) {
                    if ((mask & (1 << i)) != 0) {
                        continue;
                    }
                    int size = Integer.bitCount(mask);
                    double w = factorial(size) * factorial(n - size - 1) / factorial(n);
                    phi[i][r] += w * (f[mask | (1 << i)][r] - f[mask][r]);
                }
            }
            interaction[r] = total[r] - sumAlone;
        }
        for (int i = 0; i < n; i++) {
            final int bit = 1 << i;
            double[] a = new double[reps];
            double[] k = new double[reps];
            for (int r = 0; r < reps; r++) {
                a[r] = f[bit][r] - f[0][r];
                k[r] = f[all][r] - f[all & ~bit][r];
            }
            String p = PATHWAYS.get(i);
            alone.put(p, Stats.of(a));
            knockout.put(p, Stats.of(k));
            shapley.put(p, Stats.of(phi[i]));
        }
        Stats tot = Stats.of(total);
        Stats inter = Stats.of(interaction);

        Table t = new Table("attribution", "pathway", "n", "alone_mean", "alone_sd", "knockout_mean", "knockout_sd",
                "shapley_mean", "shapley_sd", "shapley_pct_of_total");
        for (String p : PATHWAYS) {
            t.row(p, reps, alone.get(p).mean(), alone.get(p).sd(), knockout.get(p).mean(), knockout.get(p).sd(),
                    shapley.get(p).mean(), shapley.get(p).sd(), pctOf(shapley.get(p).mean(), tot.mean()));
        }
        t.row("interaction (total − sum alone)", reps, inter.mean(), inter.sd(), "", "", "", "", pctOf(inter.mean(), tot.mean()));
        t.row("total MSC pathway effect", reps, tot.mean(), tot.sd(), "", "", tot.mean(), tot.sd(), 100.0);
        Stats in = Stats.of(inert);
        t.row("MSCs with every pathway blocked vs none", reps, in.mean(), in.sd(), "", "", "", "", "");

        Table subsets = new Table("attribution-subsets", "pathways_on", "n", readout + "_mean", readout + "_sd");
        subsets.row("(no MSCs)", reps, Stats.of(none).mean(), Stats.of(none).sd());
        for (int mask = 0; mask < (1 << n); mask++) {
            Stats s = Stats.of(f[mask]);
            subsets.row(subset(mask), reps, s.mean(), s.sd());
        }
        Table pairs = new Table("attribution-pairs", "pathway_a", "pathway_b", "interaction_mean", "interaction_sd");
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double[] v = new double[reps];
                for (int r = 0; r < reps; r++) {
                    v[r] = f[(1 << i) | (1 << j)][r] - f[1 << i][r] - f[1 << j][r] + f[0][r];
                }
                Stats s = Stats.of(v);
                pairs.row(PATHWAYS.get(i), PATHWAYS.get(j), s.mean(), s.sd());
            }
        }

        Report rep = new Report("Mechanism attribution of the MSC effect on " + readout);
        rep.say(describe(base, o)).say("");
        rep.say(String.format(Locale.ROOT, "Total effect of the four MSC pathways on final %s: %s (all on minus all blocked).",
                readout, tot.format(1)));
        rep.say(String.format(Locale.ROOT, "MSCs with every pathway blocked vs no MSCs (space, NK lysis): %s.", in.format(1)));
        rep.say("");
        Table shown = new Table("shown", "pathway", "alone", "knocked out", "Shapley", "Shapley share of total");
        for (String p : PATHWAYS) {
            shown.row(NAME.get(p),
                    alone.get(p).format(1), knockout.get(p).format(1), shapley.get(p).format(1),
                    String.format(Locale.ROOT, "%.0f %%", pctOf(shapley.get(p).mean(), tot.mean())));
        }
        shown.row("interaction", inter.format(1), "", "", "");
        shown.row("total", "", "", tot.format(1), "100 %");
        rep.say(shown.text().stripTrailing()).say("");
        rep.say("alone: change with only this pathway on; knocked out: change lost when only this one is blocked;");
        rep.say("Shapley: its average marginal effect over every order of switching pathways on (the four add up to the");
        rep.say("total exactly, so their shares to 100 %). interaction = total − sum of 'alone' (the 'alone' column plus");
        rep.say(String.format(Locale.ROOT, "the interaction is the total; here %.0f %% of it): the same sign as the total when pathways",
                pctOf(inter.mean(), tot.mean())));
        rep.say("reinforce each other (more than additive), the opposite sign when they overlap (less than additive).");
        rep.say("Pairwise interactions are in attribution-pairs.csv.");
        rep.table(t).table(subsets).table(pairs);
        List<String> cats = PATHWAYS.stream().map(p -> NAME.get(p) + " (" + BLOCKER.get(p).replace(" (IDO)", "").replace(" (COX-2)", "") + ")").toList();
        JFreeChart chart = AssayCharts.bars(String.format(Locale.ROOT, "MSC effect on final %s by pathway: total %.0f (mean ± SD, n = %d)",
                readout, tot.mean(), reps),
                "pathway (and its blocker)", "change in final " + readout, List.of(
                        new AssayCharts.Bars("alone", cats, PATHWAYS.stream().map(alone::get).toList()),
                        new AssayCharts.Bars("knocked out", cats, PATHWAYS.stream().map(knockout::get).toList()),
                        new AssayCharts.Bars("Shapley value", cats, PATHWAYS.stream().map(shapley::get).toList())));
        rep.chart("attribution", chart);
        return new Attribution(readout, tot, in, alone, knockout, shapley, inter, rep);
    }

    private static String subset(int mask) {
        if (mask == 0) {
            return "none";
        }
        List<String> on = new ArrayList<>();
        for (int i = 0; i < PATHWAYS.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                on.add(PATHWAYS.get(i));
            }
        }
        return String.join("+", on);
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }

    private static double pctOf(double part, double total) {
        return total == 0 ? 0.0 : 100.0 * part / total;
    }

    // ---------------------------------------------------------------- macrophages

    /** M2 share of polarised macrophages, IL-10 and phagocytosis per condition. */
    public record MacrophageResult(Map<String, Stats> m1Share, Map<String, Stats> m2Share, Map<String, Stats> il10,
                                   Map<String, Stats> phagocytosis, Report report) {
    }

    public static MacrophageResult macrophage(Scenario base, Ratio ratio, Options o) throws ScenarioException {
        double hours = base.real("time.hours");
        int targets = Math.max(1, base.integer("populations.macrophage") / 2);
        String[] phago = {"target.opsonised=true", "time.hours=" + (hours + 4),
            "interventions=[{at_h: " + hours + ", add_targets: " + targets + "}]"};
        Experiment e = new Experiment(base, o.replicates());
        e.condition("no MSC", concat(phago, "populations.msc=0"));
        e.condition("MSC " + ratio.label(), concat(phago, ratio.mscSet(base)));
        e.condition("MSC + indomethacin", concat(phago, ratio.mscSet(base), "blockade.pge2=1"));
        e.condition("MSC transwell", concat(phago, ratio.mscSet(base), "coculture.transwell=true"));
        Experiment.Results res = e.run(o.workers(), o.progress());
        Map<String, Stats> m1 = new LinkedHashMap<>();
        Map<String, Stats> m2 = new LinkedHashMap<>();
        Map<String, Stats> il10 = new LinkedHashMap<>();
        Map<String, Stats> ph = new LinkedHashMap<>();
        Table t = new Table("macrophage", "condition", "n", "m0_pct_mean", "m1_pct_mean", "m1_pct_sd", "m2_pct_mean", "m2_pct_sd",
                "il10_ng_per_ml_mean", "phagocytosed_pct_4h_mean", "phagocytosed_pct_4h_sd");
        for (String l : e.labels()) {
            double[] m0s = res.values(l, x -> share(x, "mac_m0", hours));
            m1.put(l, Stats.of(res.values(l, x -> share(x, "mac_m1", hours))));
            m2.put(l, Stats.of(res.values(l, x -> share(x, "mac_m2", hours))));
            il10.put(l, Stats.of(res.values(l, x -> x.at("il10_mean", hours))));
            ph.put(l, Stats.of(res.values(l, x -> 100.0 * x.last("phagocytosed") / targets)));
            t.row(l, o.replicates(), Stats.of(m0s).mean(), m1.get(l).mean(), m1.get(l).sd(), m2.get(l).mean(), m2.get(l).sd(),
                    il10.get(l).mean(), ph.get(l).mean(), ph.get(l).sd());
        }
        Report rep = new Report("Macrophage polarisation with MSCs, and the effect of COX-2 inhibition");
        rep.say(describe(base, o)).say("");
        Table shown = new Table("shown", "condition", "% M1", "% M2", "IL-10 ng/mL", "% phagocytosed in 4 h");
        for (String l : e.labels()) {
            shown.row(l, m1.get(l).format(1), m2.get(l).format(1), il10.get(l).format(3), ph.get(l).format(1));
        }
        rep.say(shown.text().stripTrailing()).say("");
        rep.say(String.format(Locale.ROOT, "Shares of all macrophages at %s h; then %d opsonised targets were added and", RunFmt.h(hours), targets));
        rep.say("the share engulfed within 4 h is the phagocytosis readout. Published: MSCs give IL-10-high M2-like");
        rep.say("macrophages (Kim & Hematti 2009); COX-2 inhibition abolishes the shift (Németh 2009).");
        rep.table(t);
        List<String> cats = e.labels();
        rep.chart("macrophage", AssayCharts.bars("Macrophage polarisation at " + RunFmt.h(hours) + " h (mean ± SD)", "condition",
                "% of macrophages", List.of(
                        new AssayCharts.Bars("M1", cats, cats.stream().map(m1::get).toList()),
                        new AssayCharts.Bars("M2", cats, cats.stream().map(m2::get).toList()))));
        return new MacrophageResult(m1, m2, il10, ph, rep);
    }

    private static double share(Batch.Outcome o, String column, double hours) {
        double total = o.at("mac_m0", hours) + o.at("mac_m1", hours) + o.at("mac_m2", hours);
        return total == 0 ? 0 : 100.0 * o.at(column, hours) / total;
    }

    // ---------------------------------------------------------------- NK cells

    /**
     * K562 lysis with the targets added to the culture, NK expansion, MSC lysis and the actual
     * effector:target ratio (NK cells alive when the targets are added, per target) per condition;
     * and K562 lysis after the NK cells are re-plated at a fixed {@value #REPLATE_E_TO_T}:1 (keyed
     * by the same condition names).
     */
    public record NkResult(Map<String, Stats> targetLysis, Map<String, Stats> nkExpansion, Map<String, Stats> mscLysed,
                           Map<String, Stats> effectorToTarget, Map<String, Stats> replatedLysis, Report report) {
    }

    /** The effector:target ratio the NK cells are re-plated at (ASH 2008 reports lysis at 10:1). */
    public static final double REPLATE_E_TO_T = 10;
    private static final String REPLATED = ", re-plated";

    /**
     * NK cells cultured with IL-2 for {@code cultureH} hours, alone or with MSCs (NK:MSC 10:1),
     * then the share of K562-like targets lysed in 4 h is read, as in ASH 2008 (Blood 112:2576),
     * two ways from the same cultures: targets added to the culture (one per ten NK cells seeded;
     * NK cells expand differently in each condition, so the actual E:T differs, and the MSCs and
     * their medium stay), and NK cells re-plated alone in fresh medium at a fixed 10:1, as the
     * published assay does.
     */
    public static NkResult nk(Scenario base, double cultureH, int nk, Options o) throws ScenarioException {
        double hours = cultureH;
        int targets = Math.max(1, nk / 10);
        int msc = Math.max(1, nk / 10);
        // A cytotoxicity assay is done with cells packed at the bottom of a well: size the patch
        // so NK cells fill a quarter of it.
        int side = (int) Math.max(10, Math.ceil(Math.sqrt(nk / 0.25)));
        if (!Double.isNaN(o.depthBeforeRoomUm())) {
            // This assay lays out its own patch: --room's thinner medium does not apply to it.
            base = base.with("grid.depth_um", o.depthBeforeRoomUm());
        }
        String[] plate = {"populations.t_cd4=0", "populations.t_cd8=0", "populations.b=0", "populations.macrophage=0",
            "populations.target=0", "populations.nk=" + nk, "grid.width=" + side, "grid.height=" + side,
            "output.interval_h=1", // the read-out needs the rows at the culture's end (an output row)
            "time.hours=" + (hours + 4)};
        String[] culture = concat(plate, "interventions=[{at_h: " + hours + ", add_targets: " + targets + "}]");
        String[] replated = concat(plate, "interventions=[{at_h: " + hours + ", replate_nk: " + REPLATE_E_TO_T + "}]");
        Map<String, String[]> conditions = new LinkedHashMap<>();
        conditions.put("NK alone", new String[] {"populations.msc=0"});
        conditions.put("NK + MSC 10:1", new String[] {"populations.msc=" + msc});
        conditions.put("NK + MSC + 1-MT + indomethacin", new String[] {"populations.msc=" + msc, "blockade.ido=1", "blockade.pge2=1"});
        conditions.put("NK + IFN-γ-licensed MSC", new String[] {"populations.msc=" + msc, "msc.initial_licensing=1"});
        Experiment e = new Experiment(base, o.replicates());
        for (Map.Entry<String, String[]> c : conditions.entrySet()) {
            e.condition(c.getKey(), concat(culture, c.getValue()));
        }
        for (Map.Entry<String, String[]> c : conditions.entrySet()) {
            e.condition(c.getKey() + REPLATED, concat(replated, c.getValue()));
        }
        Experiment.Results res = e.run(o.workers(), o.progress());
        List<String> labels = List.copyOf(conditions.keySet());
        Map<String, Stats> lysis = new LinkedHashMap<>();
        Map<String, Stats> expansion = new LinkedHashMap<>();
        Map<String, Stats> mscLysed = new LinkedHashMap<>();
        Map<String, Stats> et = new LinkedHashMap<>();
        Map<String, Stats> replatedLysis = new LinkedHashMap<>();
        Table t = new Table("nk", "condition", "n", "target_lysis_pct_4h_mean", "target_lysis_pct_4h_sd", "nk_fold_expansion_mean",
                "nk_fold_expansion_sd", "msc_lysed_pct_mean", "msc_lysed_pct_sd", "e_to_t_at_targets_mean", "e_to_t_at_targets_sd",
                "replated_target_lysis_pct_4h_mean", "replated_target_lysis_pct_4h_sd");
        for (String l : labels) {
            lysis.put(l, Stats.of(res.values(l, x -> 100.0 * ((x.last("nk_kills") - x.at("nk_kills", hours))
                    - (x.last("msc_lysed") - x.at("msc_lysed", hours))) / targets)));
            // Re-plated: nothing but NK cells and the targets from then on; the targets sampled at
            // the re-plating are those added (one per 10 NK cells alive then).
            replatedLysis.put(l, Stats.of(res.values(l + REPLATED,
                    x -> 100.0 * (x.last("nk_kills") - x.at("nk_kills", hours)) / x.at("targets", hours))));
            expansion.put(l, Stats.of(res.values(l, x -> x.at("nk", hours) / nk)));
            int seededMsc = res.of(l).get(0).job().scenario().integer("populations.msc");
            mscLysed.put(l, Stats.of(res.values(l, x -> seededMsc == 0 ? 0 : 100.0 * x.at("msc_lysed", hours) / seededMsc)));
            // NK cells counted when the targets are added: the E:T the targets actually meet.
            et.put(l, Stats.of(res.values(l, x -> x.at("nk", hours) / targets)));
            t.row(l, o.replicates(), lysis.get(l).mean(), lysis.get(l).sd(), expansion.get(l).mean(), expansion.get(l).sd(),
                    mscLysed.get(l).mean(), mscLysed.get(l).sd(), et.get(l).mean(), et.get(l).sd(),
                    replatedLysis.get(l).mean(), replatedLysis.get(l).sd());
        }
        Report rep = new Report("NK cytotoxicity after culture with MSCs");
        // The assay sets its own patch and hours (below); the base scenario gives everything else.
        rep.say(String.format(Locale.ROOT, "Base scenario %s (%s) for every other parameter, %d replicate(s) from seed %d.",
                base.name(), base.source(), o.replicates(), base.seed())).say("");
        Table shown = new Table("shown", "condition", "% K562 lysed in 4 h", "actual E:T", "re-plated 10:1", "NK fold expansion",
                "% MSCs lysed");
        for (String l : labels) {
            Stats r = et.get(l);
            shown.row(l, lysis.get(l).format(1), String.format(Locale.ROOT, r.n() > 1 ? "%.1f:1 ± %.1f" : "%.1f:1", r.mean(), r.sd()),
                    replatedLysis.get(l).format(1), expansion.get(l).format(2), mscLysed.get(l).format(1));
        }
        rep.say(shown.text().stripTrailing()).say("");
        rep.say(String.format(Locale.ROOT, "%d NK cells packed on a %d × %d patch, cultured %s h (NK:MSC 10:1), then %d K562-like",
                nk, side, side, RunFmt.h(hours), targets));
        rep.say("targets added: E:T 10:1 against the NK cells seeded, not re-plated. NK cells expand differently");
        rep.say(String.format(Locale.ROOT, "by condition, so the actual E:T when the targets are added (NK cells counted then) is %.1f:1",
                et.get("NK alone").mean()));
        rep.say(String.format(Locale.ROOT, "for NK alone and %.1f:1 with MSCs. The published assay re-plates NK cells at a fixed E:T;",
                et.get("NK + MSC 10:1").mean()));
        rep.say("here the fall in lysis with MSCs mixes fewer NK cells with less killing per NK cell.");
        rep.say(String.format(Locale.ROOT, "Re-plated: the same cultures, then the NK cells alone in fresh medium with one target per %s",
                ActionText.scientific(REPLATE_E_TO_T)));
        rep.say(String.format(Locale.ROOT, "NK cells alive, as the published assay does: %.1f %% lysed without MSCs and %.1f %% after culture",
                replatedLysis.get("NK alone").mean(), replatedLysis.get("NK + MSC 10:1").mean()));
        rep.say("with them. A model NK cell's killing follows the PGE2, kynurenine and TGF-β around it at the time; it");
        rep.say("keeps no memory of MSC exposure (no NKp30/NKp44/NKG2D down-regulation). What re-plating keeps is the");
        rep.say("MSCs' effect on how many NK cells were activated.");
        rep.say("Published: K562 lysis fell from ~58 % to ~25 % at NK:MSC 10:1 over 96 h (ASH 2008); IDO and PGE2");
        rep.say("inhibitors restore NK function (Spaggiari 2008); IFN-γ-exposed MSCs resist NK lysis (Spaggiari 2006).");
        rep.table(t);
        JFreeChart chart = AssayCharts.bars("K562 lysis in 4 h after NK culture (mean ± SD)", "condition", "% targets lysed",
                List.of(new AssayCharts.Bars("targets added to the culture", labels, labels.stream().map(lysis::get).toList()),
                        new AssayCharts.Bars("NK cells re-plated at 10:1", labels, labels.stream().map(replatedLysis::get).toList())));
        rep.chart("nk", chart);
        return new NkResult(lysis, expansion, mscLysed, et, replatedLysis, rep);
    }

    // ---------------------------------------------------------------- shared

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String describe(Scenario base, Options o) {
        String room = Double.isNaN(o.depthBeforeRoomUm()) ? ""
                : String.format(Locale.ROOT, " (--room: %.2f× the area, medium %.1f µm deep, the same cells per µL)",
                o.area(base), base.real("grid.depth_um"));
        return String.format(Locale.ROOT, "Base scenario %s (%s), %d × %d voxels%s, %s h, %d replicate(s) from seed %d.",
                base.name(), base.source(), base.integer("grid.width"), base.integer("grid.height"), room,
                RunFmt.h(base.real("time.hours")), o.replicates(), base.seed());
    }

    /** Number formatting for report text. */
    static final class RunFmt {
        static String h(double hours) {
            return hours == Math.rint(hours) ? Long.toString((long) hours) : String.format(Locale.ROOT, "%.1f", hours);
        }
    }
}
