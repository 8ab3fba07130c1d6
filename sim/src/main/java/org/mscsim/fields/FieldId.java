package org.mscsim.fields;

/**
 * The soluble signals on the tissue grid. Proteins and PGE2 are in ng/mL (what an ELISA
 * reports); tryptophan and kynurenine in µM (what HPLC reports).
 */
public enum FieldId {
    PGE2("pge2", "PGE2", "pge2_mean", "ng/mL", 352.5),
    TRYPTOPHAN("tryptophan", "tryptophan", "trp_mean", "µM", 204.2),
    KYNURENINE("kynurenine", "kynurenine", "kyn_mean", "µM", 208.2),
    TGF_BETA("tgf_beta", "TGF-β (active)", "tgfb_mean", "ng/mL", 25_000),
    IFN_GAMMA("ifn_gamma", "IFN-γ", "ifng_mean", "ng/mL", 34_000),
    IL10("il10", "IL-10", "il10_mean", "ng/mL", 37_000),
    TNF_ALPHA("tnf_alpha", "TNF-α", "tnfa_mean", "ng/mL", 52_000),
    IL6("il6", "IL-6", "il6_mean", "ng/mL", 21_000);

    /** Scenario key under {@code fields.}. */
    public final String key;
    public final String label;
    /** Column of its patch mean in {@code timeseries.csv}. */
    public final String meanColumn;
    public final String unit;
    /** Molar mass of the secreted unit (g/mol): the active dimer or trimer for cytokines. */
    public final double molarMassGPerMol;

    FieldId(String key, String label, String meanColumn, String unit, double molarMassGPerMol) {
        this.key = key;
        this.label = label;
        this.meanColumn = meanColumn;
        this.unit = unit;
        this.molarMassGPerMol = molarMassGPerMol;
    }

    public boolean molar() {
        return unit.equals("µM");
    }

    public static final FieldId[] ALL = values();
}
