package org.mscsim.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named bundle of parameter values crossed with the design, for conditions that are not a grid
 * of independent factors, e.g. "each blockade alone": {@code {name: anti-PD-L1, set: {blockade.pd_l1: 1}}}.
 *
 * @param values parameter key to validated value
 */
public record Case(String name, Map<String, Object> values) {

    public Case {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
