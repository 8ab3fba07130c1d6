package org.mscsim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a sweep is submitted to Slurm, from the sweep file's {@code slurm:} section and overridden
 * by command-line options. Every value is checked here before it can reach a batch script: none
 * may contain a line break (in a script a new line is a new command).
 *
 * @param partition   {@code --partition}, or null for the cluster's default
 * @param time        {@code --time} per array task (a chunk of runs), or null for the partition's default
 * @param maxParallel array tasks running at once ({@code --array=0-N%K}), or null for no limit
 * @param runsPerTask runs per array task, or null to choose (as few tasks as the array size limit allows, one run each when possible)
 * @param extraSbatch further {@code #SBATCH} lines, verbatim (e.g. {@code --mem=2G}, {@code --account=lab})
 */
public record SlurmSettings(String partition, String time, Integer maxParallel, Integer runsPerTask, List<String> extraSbatch) {

    public static final SlurmSettings NONE = new SlurmSettings(null, null, null, null, List.of());

    /**
     * Slurm's time formats: minutes, minutes:seconds, hours:minutes:seconds, days-hours[:minutes[:seconds]].
     * Numbers have at most 9 digits (days 6), so {@link #seconds} cannot overflow.
     */
    private static final Pattern TIME = Pattern.compile(
            "\\d{1,9}|\\d{1,9}:\\d{1,2}|\\d{1,9}:\\d{1,2}:\\d{1,2}|\\d{1,6}-\\d{1,9}|\\d{1,6}-\\d{1,9}:\\d{1,2}|\\d{1,6}-\\d{1,9}:\\d{1,2}:\\d{1,2}"
            + "|(?i:unlimited|infinite)");

    public SlurmSettings {
        extraSbatch = List.copyOf(extraSbatch);
    }

    /** These settings with every value {@code over} gives replacing this one's; extra lines add up. */
    public SlurmSettings overriddenBy(SlurmSettings over) {
        List<String> extra = new ArrayList<>(extraSbatch);
        extra.addAll(over.extraSbatch);
        return new SlurmSettings(over.partition != null ? over.partition : partition, over.time != null ? over.time : time,
                over.maxParallel != null ? over.maxParallel : maxParallel, over.runsPerTask != null ? over.runsPerTask : runsPerTask,
                extra);
    }

    /** Why a value cannot go into a batch script, or null if it can. */
    public static String unsafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return "must be one line (a line break would start a new command in the batch script)";
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return "must not contain control characters";
            }
        }
        return value.isBlank() ? "must not be empty" : null;
    }

    /** Why a {@code --time} value is not one Slurm reads, or null if it is. */
    public static String badTime(String value) {
        String u = unsafe(value);
        if (u != null) {
            return u;
        }
        return TIME.matcher(value).matches() ? null
                : "must be a Slurm time limit: MINUTES, MINUTES:SECONDS, HOURS:MINUTES:SECONDS, DAYS-HOURS, DAYS-HOURS:MINUTES or DAYS-HOURS:MINUTES:SECONDS";
    }

    /** Why an extra {@code #SBATCH} line is unusable, or null. */
    public static String badExtraLine(String line) {
        String u = unsafe(line);
        if (u != null) {
            return u;
        }
        return line.startsWith("-") ? null : "must be an sbatch option such as --mem=2G";
    }

    /**
     * A time limit in seconds (Slurm rounds to minutes), or -1 for unlimited. Only for values that
     * passed {@link #badTime}.
     */
    public static long seconds(String time) {
        if (time.equalsIgnoreCase("unlimited") || time.equalsIgnoreCase("infinite")) {
            return -1;
        }
        long days = 0;
        String rest = time;
        int dash = time.indexOf('-');
        if (dash >= 0) {
            days = Long.parseLong(time.substring(0, dash));
            rest = time.substring(dash + 1);
        }
        String[] p = rest.split(":");
        long s;
        if (dash >= 0) {
            s = Long.parseLong(p[0]) * 3600 + (p.length > 1 ? Long.parseLong(p[1]) * 60 : 0) + (p.length > 2 ? Long.parseLong(p[2]) : 0);
        } else if (p.length == 1) {
            s = Long.parseLong(p[0]) * 60;
        } else if (p.length == 2) {
            s = Long.parseLong(p[0]) * 60 + Long.parseLong(p[1]);
        } else {
            s = Long.parseLong(p[0]) * 3600 + Long.parseLong(p[1]) * 60 + Long.parseLong(p[2]);
        }
        return days * 86400 + s;
    }
}
