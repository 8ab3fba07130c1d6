package org.mscsim.sweep;

import java.util.List;
import org.mscsim.scenario.Scenario;

/**
 * A validated sweep file: the base scenario (with the sweep's fixed {@code set:} applied), the
 * varied parameters, optional named cases, the design, replicates, master seed, the outputs to
 * summarise from every run's time series, and Slurm settings. Parsed by {@link SweepParser};
 * expanded into runs by {@link RunMatrix}.
 *
 * @param source     the sweep file, for messages
 * @param baseLabel  where the base scenario came from (a path or "built-in coculture.yaml")
 * @param samples    Latin-hypercube samples (0 for a grid)
 */
public record Sweep(String source, String name, String description, String baseLabel, Scenario base,
                    List<Factor> factors, List<Case> cases, Design design, int samples, int replicates, long seed,
                    List<Output> outputs, SlurmSettings slurm) {

    /** How the varied parameters are combined. */
    public enum Design {
        /** Every combination of every factor's values. */
        GRID,
        /** Latin hypercube: {@code samples} points, each factor's range cut into that many strata, each hit once. */
        LHS;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Sweep {
        factors = List.copyOf(factors);
        cases = List.copyOf(cases);
        outputs = List.copyOf(outputs);
    }
}
