package org.mscsim.sweep;

import org.mscsim.output.Num;

/**
 * One summary of one time-series column that becomes a column of {@code results.csv}: the final
 * value, the maximum or minimum over the run, the value at a time, or the time a threshold is
 * first reached.
 *
 * @param name      the results.csv column, e.g. {@code t_divisions_final}, {@code msc_at_24h},
 *                  {@code time_to_t_divisions_above_5000_h}
 * @param atH       hours, for {@link Stat#AT}
 * @param threshold for {@link Stat#TIME_TO}
 * @param above     for {@link Stat#TIME_TO}: reached when the value rises to the threshold (true) or falls to it
 */
public record Output(String name, String column, Stat stat, double atH, double threshold, boolean above) {

    public enum Stat { FINAL, MAX, MIN, AT, TIME_TO }

    public static Output simple(String column, Stat stat) {
        return new Output(column + "_" + stat.name().toLowerCase(java.util.Locale.ROOT), column, stat, 0, 0, true);
    }

    public static Output at(String column, double hours) {
        return new Output(column + "_at_" + Num.format(hours) + "h", column, Stat.AT, hours, 0, true);
    }

    public static Output timeTo(String column, double threshold, boolean above) {
        return new Output("time_to_" + column + "_" + (above ? "above" : "below") + "_" + Num.format(threshold) + "_h",
                column, Stat.TIME_TO, 0, threshold, above);
    }

    public Output named(String newName) {
        return new Output(newName, column, stat, atH, threshold, above);
    }

    /** How the summary is written in a sweep file, for messages and the manifest. */
    public String describe() {
        switch (stat) {
            case AT:
                return column + " at " + Num.format(atH) + " h";
            case TIME_TO:
                return "first time " + column + (above ? " ≥ " : " ≤ ") + Num.format(threshold) + " (h)";
            default:
                return stat.name().toLowerCase(java.util.Locale.ROOT) + " " + column;
        }
    }

    /**
     * The summary of one run's column. Between output rows the value is interpolated linearly, so
     * {@code at} and {@code time_to} do not snap to the output interval; a threshold never reached
     * gives NaN (written "NaN", which R and pandas read as missing).
     *
     * @param time   the run's {@code time_h} column, increasing
     * @param values the summarised column, same length
     */
    public double of(double[] time, double[] values) {
        int n = values.length;
        switch (stat) {
            case FINAL:
                return values[n - 1];
            case MAX: {
                double m = Double.NEGATIVE_INFINITY;
                for (double v : values) {
                    m = Math.max(m, v);
                }
                return m;
            }
            case MIN: {
                double m = Double.POSITIVE_INFINITY;
                for (double v : values) {
                    m = Math.min(m, v);
                }
                return m;
            }
            case AT:
                return valueAt(time, values, atH);
            default:
                return timeTo(time, values);
        }
    }

    private static double valueAt(double[] time, double[] values, double h) {
        for (int i = 0; i < time.length; i++) {
            if (Math.abs(time[i] - h) < 1e-9) {
                return values[i];
            }
            if (time[i] > h) {
                if (i == 0) {
                    return values[0];
                }
                double f = (h - time[i - 1]) / (time[i] - time[i - 1]);
                return values[i - 1] + f * (values[i] - values[i - 1]);
            }
        }
        return Double.NaN;
    }

    private double timeTo(double[] time, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (above ? values[i] >= threshold : values[i] <= threshold) {
                if (i == 0) {
                    return time[0];
                }
                double f = (threshold - values[i - 1]) / (values[i] - values[i - 1]);
                return time[i - 1] + f * (time[i] - time[i - 1]);
            }
        }
        return Double.NaN;
    }
}
