package org.mscsim.output;

import java.awt.Color;
import java.util.EnumMap;
import java.util.Map;
import org.mscsim.fields.FieldId;

/**
 * One colour per cell type and phenotype, shared by headless charts and the GUI so a user sees
 * the same colour for M2 macrophages in every picture. Chosen to stay distinguishable for the
 * common forms of colour blindness (Okabe–Ito hues where possible).
 *
 * <p>Soluble factors have colours of their own (Paul Tol's colour-blind-safe "muted" scheme, with
 * his "bright" blue for IL-10, as his cyan is the naive T cells' pale blue), so a PGE2 line is
 * never taken for the MSCs that make it, nor IFN-γ for CD4+ T cells.
 */
public final class Palette {

    public static final Color MSC = new Color(0xE6, 0x9F, 0x00);          // orange
    public static final Color MSC_LICENSED = new Color(0xD5, 0x5E, 0x00); // vermilion
    public static final Color T_NAIVE = new Color(0x9E, 0xC9, 0xE2);      // pale blue
    public static final Color T_CD4 = new Color(0x00, 0x72, 0xB2);        // blue
    public static final Color T_CD8 = new Color(0x56, 0xB4, 0xE9);        // sky blue
    public static final Color T_ACTIVATED = new Color(0x00, 0x72, 0xB2);
    public static final Color T_SUPPRESSED = new Color(0x88, 0x88, 0x88); // grey
    public static final Color CD28NEG = new Color(0x6A, 0x3D, 0x9A);      // purple
    public static final Color TREG = new Color(0xCC, 0x79, 0xA7);         // reddish purple
    public static final Color B = new Color(0x00, 0x9E, 0x73);            // bluish green
    public static final Color PLASMA = new Color(0x00, 0x5A, 0x40);       // dark green
    public static final Color NK = new Color(0xF0, 0xE4, 0x42);           // yellow
    public static final Color NK_ACTIVATED = new Color(0xB8, 0xA8, 0x00); // dark yellow
    public static final Color M0 = new Color(0xA6, 0x76, 0x1D);           // brown
    public static final Color M1 = new Color(0xC0, 0x1F, 0x1F);           // red
    public static final Color M2 = new Color(0x1B, 0x9E, 0x77);           // teal

    private static final Map<FieldId, Color> FACTORS = factors();

    private Palette() {
    }

    /** The colour of a soluble factor's line, none of them a cell type's colour. */
    public static Color factor(FieldId id) {
        return FACTORS.get(id);
    }

    private static Map<FieldId, Color> factors() {
        Map<FieldId, Color> m = new EnumMap<>(FieldId.class);
        m.put(FieldId.PGE2, new Color(0x88, 0x22, 0x55));       // wine
        m.put(FieldId.TGF_BETA, new Color(0x44, 0xAA, 0x99));   // teal
        m.put(FieldId.IFN_GAMMA, new Color(0x33, 0x22, 0x88));  // indigo
        m.put(FieldId.IL10, new Color(0x44, 0x77, 0xAA));       // steel blue
        m.put(FieldId.TNF_ALPHA, new Color(0xCC, 0x66, 0x77));  // rose
        m.put(FieldId.IL6, new Color(0xDD, 0xCC, 0x77));        // sand
        m.put(FieldId.TRYPTOPHAN, new Color(0x99, 0x99, 0x33)); // olive
        m.put(FieldId.KYNURENINE, new Color(0xAA, 0x44, 0x99)); // purple
        for (FieldId id : FieldId.ALL) {
            if (!m.containsKey(id)) {
                throw new IllegalStateException("no chart colour for " + id);
            }
        }
        return m;
    }
}
