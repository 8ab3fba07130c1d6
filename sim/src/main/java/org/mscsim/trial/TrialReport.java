package org.mscsim.trial;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.mscsim.output.AtomicFiles;
import org.mscsim.output.Charts;
import org.mscsim.output.Num;

/** The files and text a virtual trial produces: patients.csv, arms.csv, charts and report.txt. */
public final class TrialReport {

    private static final Color[] ARM_COLORS = {
        new Color(0x56, 0xB4, 0xE9), new Color(0xE6, 0x9F, 0x00), new Color(0xC0, 0x1F, 0x1F),
        new Color(0x00, 0x9E, 0x73), new Color(0x6A, 0x3D, 0x9A), new Color(0x33, 0x33, 0x33)};

    private TrialReport() {
    }

    public static List<Path> write(Trial.Result r, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        files.add(write(dir.resolve("patients.csv"), patients(r)));
        files.add(write(dir.resolve("arms.csv"), arms(r)));
        Path courses = dir.resolve("platelet_courses.png");
        Charts.write(courses, courses(r), 1100, 650);
        files.add(courses);
        Path orr = dir.resolve("orr_by_arm.png");
        Charts.write(orr, orr(r), 900, 600);
        files.add(orr);
        files.add(write(dir.resolve("report.txt"), text(r)));
        return files;
    }

    private static Path write(Path p, String text) throws IOException {
        AtomicFiles.write(p, text);
        return p;
    }

    static String patients(Trial.Result r) {
        List<String> params = r.spec().variability().stream().map(TrialSpec.Variation::key).toList();
        int weeks = r.spec().followUpWeeks();
        StringBuilder b = new StringBuilder("patient,candidate,arm,dose_per_kg,seed,baseline,peak,week_4,week_12,week_24,week_"
                + weeks + ",time_to_response_days,responder,complete_responder");
        for (String p : params) {
            b.append(',').append(p);
        }
        b.append('\n');
        for (Trial.Patient p : r.patients()) {
            b.append(p.number()).append(',').append(p.candidate()).append(',').append(csv(p.arm())).append(',')
                    .append(Num.format(p.dosePerKg())).append(',').append(p.seed()).append(',').append(Num.format(p.baseline()))
                    .append(',').append(Num.format(p.peak())).append(',').append(Num.format(p.atWeek(4))).append(',')
                    .append(Num.format(p.atWeek(12))).append(',').append(Num.format(p.atWeek(24))).append(',')
                    .append(Num.format(p.atWeek(weeks))).append(',')
                    .append(Double.isNaN(p.timeToResponseDays()) ? "" : Num.format(p.timeToResponseDays())).append(',')
                    .append(p.responder()).append(',').append(p.complete());
            for (String k : params) {
                b.append(',').append(Num.format(p.parameters().get(k)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    static String arms(Trial.Result r) {
        StringBuilder b = new StringBuilder("arm,dose_per_kg,n,responders,orr,ci_low,ci_high,complete_responders,published_responders\n");
        List<Trial.ArmResult> all = new ArrayList<>(r.arms());
        all.add(r.overall());
        for (Trial.ArmResult a : all) {
            b.append(csv(a.arm().name())).append(',').append(Double.isNaN(a.arm().dosePerKg()) ? "" : Num.format(a.arm().dosePerKg()))
                    .append(',').append(a.n()).append(',').append(a.responders()).append(',').append(Num.format(a.orr())).append(',')
                    .append(Num.format(a.low())).append(',').append(Num.format(a.high())).append(',').append(a.complete()).append(',')
                    .append(r.spec().publishedResponders().getOrDefault(a.arm().name(), "")).append('\n');
        }
        return b.toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    public static String text(Trial.Result r) {
        TrialSpec s = r.spec();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Virtual trial %s: %d patients enrolled (%d candidates screened, %d with baseline platelets ≥ %s ×10⁹/L not eligible), %d weeks of follow-up.%n%n",
                s.name(), r.patients().size(), r.screened(), r.ineligible(), TrialSpec.num(s.response().eligibleBelow()),
                s.followUpWeeks()));
        b.append(String.format(Locale.ROOT, "  %-22s %12s %5s %12s %18s %14s%n", "arm", "dose/kg", "n", "responders", "ORR (Wilson 95 % CI)",
                "published"));
        List<Trial.ArmResult> all = new ArrayList<>(r.arms());
        all.add(r.overall());
        for (Trial.ArmResult a : all) {
            String pub = s.publishedResponders().getOrDefault(a.arm().name(), "");
            b.append(String.format(Locale.ROOT, "  %-22s %12s %5d %12s %18s %14s%n", a.arm().name(),
                    Double.isNaN(a.arm().dosePerKg()) ? "" : String.format(Locale.ROOT, "%.2g", a.arm().dosePerKg()), a.n(),
                    a.responders() + " (" + a.complete() + " CR)",
                    String.format(Locale.ROOT, "%s (%s–%s)", Trial.pct(a.orr()), Trial.pct(a.low()), Trial.pct(a.high())),
                    pub.isEmpty() ? "" : pub + " (" + Trial.pct(fraction(pub)) + ")"));
        }
        if (!s.publishedSource().isEmpty()) {
            b.append("\nPublished: ").append(s.publishedSource()).append('\n');
        }
        b.append(String.format(Locale.ROOT, "%nResponse (IWG): platelets ≥ %s ×10⁹/L and ≥ %s × baseline at %d consecutive weekly assessments;"
                + " complete response ≥ %s ×10⁹/L. Bleeding is not modelled.%n", TrialSpec.num(s.response().threshold()),
                TrialSpec.num(s.response().fold()), s.response().confirmations(), TrialSpec.num(s.response().complete())));
        b.append("\nBetween-patient variability (drawn per candidate; sources in scenarios/PARAMETERS.md):\n");
        for (TrialSpec.Variation v : s.variability()) {
            b.append("  ").append(v.key()).append(": ").append(v.describe()).append('\n');
        }
        double median = median(r.patients().stream().filter(Trial.Patient::responder).mapToDouble(Trial.Patient::timeToResponseDays).toArray());
        if (!Double.isNaN(median)) {
            b.append(String.format(Locale.ROOT, "%nMedian time to response among responders: %.0f days.%n", median));
        }
        return b.toString();
    }

    static double fraction(String kOverN) {
        String[] p = kOverN.split("/");
        double n = Double.parseDouble(p[1]);
        return n == 0 ? Double.NaN : Double.parseDouble(p[0]) / n;
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Platelet counts of every patient by week, coloured by arm: the counterpart of the editorial's Figure 1. */
    static JFreeChart courses(Trial.Result r) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        LegendItemCollection legend = new LegendItemCollection();
        List<String> armNames = r.spec().arms().stream().map(TrialSpec.Arm::name).toList();
        int i = 0;
        for (Trial.Patient p : r.patients()) {
            XYSeries s = new XYSeries("patient " + p.number(), false, true);
            for (int w = 0; w < p.weekly().length; w++) {
                s.add(w, p.weekly()[w]);
            }
            data.addSeries(s);
            Color c = ARM_COLORS[armNames.indexOf(p.arm()) % ARM_COLORS.length];
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(1.4f));
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
            i++;
        }
        for (int a = 0; a < armNames.size(); a++) {
            legend.add(new LegendItem(armNames.get(a) + " (n = " + r.arms().get(a).n() + ")", ARM_COLORS[a % ARM_COLORS.length]));
        }
        NumberAxis x = new NumberAxis("weeks from the first infusion");
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(2));
        NumberAxis y = new NumberAxis("platelets (×10⁹/L)");
        XYPlot plot = new XYPlot(data, x, y, renderer);
        Charts.style(plot);
        plot.setFixedLegendItems(legend);
        ValueMarker threshold = new ValueMarker(r.spec().response().threshold(), Color.GRAY,
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        threshold.setLabel("response threshold " + TrialSpec.num(r.spec().response().threshold()) + " ×10⁹/L");
        threshold.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
        threshold.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        threshold.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(threshold);
        for (TrialSpec.Arm a : r.spec().arms()) {
            for (double w : a.infusionWeeks()) {
                plot.addDomainMarker(new ValueMarker(w, new Color(0xDD, 0xDD, 0xDD), new BasicStroke(1f)));
            }
        }
        return Charts.chart(r.spec().name() + ": platelet counts of every virtual patient", plot);
    }

    /** ORR by arm with Wilson 95 % intervals, and the published ORR beside it. */
    static JFreeChart orr(Trial.Result r) {
        YIntervalSeries model = new YIntervalSeries("model ORR (Wilson 95 % CI)");
        YIntervalSeries published = new YIntervalSeries("published ORR (Wilson 95 % CI)");
        List<String> names = new ArrayList<>();
        List<Trial.ArmResult> all = new ArrayList<>(r.arms());
        all.add(r.overall());
        for (int i = 0; i < all.size(); i++) {
            Trial.ArmResult a = all.get(i);
            names.add(a.arm().name() + " (n = " + a.n() + ")");
            if (a.n() > 0) {
                model.add(i - 0.08, 100 * a.orr(), 100 * a.low(), 100 * a.high());
            }
            String pub = r.spec().publishedResponders().get(a.arm().name());
            if (pub != null && !pub.isEmpty()) {
                String[] kn = pub.split("/");
                int k = Integer.parseInt(kn[0]);
                int n = Integer.parseInt(kn[1]);
                double[] ci = Trial.wilson(k, n);
                published.add(i + 0.08, 100.0 * k / n, 100 * ci[0], 100 * ci[1]);
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(model);
        if (published.getItemCount() > 0) {
            data.addSeries(published);
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorStroke(new BasicStroke(2f));
        renderer.setSeriesPaint(0, new Color(0x00, 0x72, 0xB2));
        renderer.setSeriesPaint(1, new Color(0xC0, 0x1F, 0x1F));
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setSeriesShape(1, new java.awt.Rectangle(-5, -5, 10, 10));
        SymbolAxis x = new SymbolAxis("arm", names.toArray(new String[0]));
        NumberAxis y = new NumberAxis("overall response rate (%)");
        y.setRange(0, 100);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        Charts.style(plot);
        return Charts.chart(r.spec().name() + ": response rate by arm", plot);
    }
}
