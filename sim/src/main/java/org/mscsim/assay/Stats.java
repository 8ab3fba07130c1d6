package org.mscsim.assay;

import java.util.Locale;

/** Mean and sample standard deviation of replicate values. */
public record Stats(double mean, double sd, int n) {

    public static Stats of(double[] v) {
        int n = v.length;
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return new Stats(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0, n);
    }

    /** "62.5 ± 3.1" with the given decimals (no ± part for a single replicate). */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return n > 1 ? String.format(Locale.ROOT, f + " ± " + f, mean, sd) : String.format(Locale.ROOT, f, mean);
    }
}
