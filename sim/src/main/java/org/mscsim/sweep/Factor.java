package org.mscsim.sweep;

import java.util.List;
import org.mscsim.scenario.Param;

/**
 * One varied parameter and what it takes: a list of values (written out, or a from/to/step
 * range) or, for Latin-hypercube designs, a distribution over a range.
 *
 * @param values       the values of a discrete factor, already validated for the parameter; null for a distribution
 * @param distribution the distribution of a sampled factor; null for a discrete one
 */
public record Factor(Param param, List<Object> values, Distribution distribution) {

    /** A continuous range to sample from; bounds are within the parameter's own range. */
    public record Distribution(Shape shape, double min, double max) {
    }

    public enum Shape {
        UNIFORM("uniform"),
        /** Uniform in the logarithm: each decade equally likely, for rates and doses spanning orders of magnitude. */
        LOG_UNIFORM("log-uniform");

        public final String label;

        Shape(String label) {
            this.label = label;
        }
    }

    public Factor {
        values = values == null ? null : List.copyOf(values);
    }

    public String key() {
        return param.key();
    }

    /**
     * The value at quantile {@code u} in [0, 1): the Latin hypercube draws one {@code u} per stratum
     * and maps it here, so stratification carries over to the parameter's scale. Whole-number
     * parameters take the floor over [min, max + 1), which gives every integer an equal share.
     */
    public Object at(double u) {
        if (values != null) {
            return values.get(Math.min(values.size() - 1, (int) Math.floor(u * values.size())));
        }
        boolean whole = param.type() == Param.Type.INT || param.type() == Param.Type.LONG;
        double lo = distribution.min();
        double hi = whole ? distribution.max() + 1 : distribution.max();
        double x = distribution.shape() == Shape.UNIFORM
                ? lo + u * (hi - lo)
                : Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo)));
        if (whole) {
            long v = Math.min((long) distribution.max(), Math.max((long) lo, (long) Math.floor(x)));
            return param.type() == Param.Type.INT ? (Object) (int) v : (Object) v;
        }
        return Math.min(distribution.max(), Math.max(distribution.min(), x));
    }
}
