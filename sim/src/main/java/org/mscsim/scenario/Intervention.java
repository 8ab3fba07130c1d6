package org.mscsim.scenario;

import java.util.Map;

/**
 * A timed event in a scenario: at {@code atH} hours, one action. Interventions are data; the
 * model's schedule applies them.
 */
public record Intervention(double atH, Action action) {

    /** What happens. */
    public sealed interface Action permits AddMsc, RemoveMsc, AddTargets, ReplaceMedium, ReplateNk, InfuseMscPerKg, Block, SetParameters {
        /** The scenario key of the action, e.g. {@code add_msc}. */
        String key();
    }

    /** Seed {@code count} MSCs at random free voxels (co-culture dosing). */
    public record AddMsc(int count) implements Action {
        public String key() {
            return "add_msc";
        }
    }

    /** Remove {@code count} randomly chosen MSCs (all of them if there are fewer). */
    public record RemoveMsc(int count) implements Action {
        public String key() {
            return "remove_msc";
        }
    }

    /**
     * Add {@code count} target cells (K562-like, or opsonised when {@code target.opsonised}) at
     * random free voxels, e.g. to read NK cytotoxicity or phagocytosis at the end of a culture.
     */
    public record AddTargets(int count) implements Action {
        public String key() {
            return "add_targets";
        }
    }

    /**
     * Replace a fraction of the medium with fresh medium: every field moves that fraction of the
     * way back to its initial level (a full change is 1).
     */
    public record ReplaceMedium(double fraction) implements Action {
        public String key() {
            return "replace_medium";
        }
    }

    /**
     * Harvest the NK cells and re-plate them with fresh targets at a fixed effector:target ratio,
     * as a cytotoxicity assay does after a culture: every other cell (the MSCs above all) is taken
     * out, the medium is replaced, and one target cell is added per {@code effectorsPerTarget} NK
     * cells alive (rounded, at least one).
     */
    public record ReplateNk(double effectorsPerTarget) implements Action {
        public String key() {
            return "replate_nk";
        }
    }

    /** An intravenous MSC infusion in cells per kg body weight (in-vivo scenarios). */
    public record InfuseMscPerKg(double cellsPerKg) implements Action {
        public String key() {
            return "infuse_msc_per_kg";
        }
    }

    /**
     * Set blockade strengths (0–1) from this time on, keyed like {@code blockade.*}:
     * {@code pd_l1, ido, pge2, tgf_beta}.
     */
    public record Block(Map<String, Double> strengths) implements Action {
        public String key() {
            return "block";
        }
    }

    /** Change live parameters from this time on (full dotted keys → typed values). */
    public record SetParameters(Map<String, Object> values) implements Action {
        public String key() {
            return "set";
        }
    }

}
