package org.mscsim.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress display on stderr: redrawn in place on a terminal (at most five times a
 * second), or printed at every tenth of the work when stderr is a log file.
 */
final class ProgressLine {

    private final PrintWriter err;
    private final String label;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastTenth = -1;

    ProgressLine(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
        this.terminal = System.console() != null;
    }

    void update(double done, double total, String unit) {
        double f = total <= 0 ? 1 : Math.min(1, done / total);
        long now = System.nanoTime();
        double elapsed = (now - start) / 1e9;
        String eta = f > 0.02 && f < 1 ? String.format(Locale.ROOT, ", ETA %s", duration(elapsed / f - elapsed)) : "";
        if (terminal) {
            if (now - lastDraw < 200_000_000L && f < 1) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = (int) Math.round(f * width);
            err.printf(Locale.ROOT, "\r%s [%s%s] %3.0f%%  %s/%s %s, %s%s   ", label, "#".repeat(filled), ".".repeat(width - filled),
                    100 * f, trim(done), trim(total), unit, duration(elapsed), eta);
            if (f >= 1) {
                err.println();
            }
            err.flush();
        } else {
            int tenth = (int) Math.floor(f * 10);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                err.printf(Locale.ROOT, "%s %3.0f%%  %s/%s %s, %s%s%n", label, 100 * f, trim(done), trim(total), unit,
                        duration(elapsed), eta);
                err.flush();
            }
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", (long) seconds / 60, (long) seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", (long) seconds / 3600, ((long) seconds % 3600) / 60);
    }
}
