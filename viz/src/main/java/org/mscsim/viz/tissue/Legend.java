package org.mscsim.viz.tissue;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.FlowLayout;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.Icon;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.mscsim.cells.CellType;
import org.mscsim.viz.WrapLayout;

/**
 * The key to the tissue display: one column per cell type (its shape), one row per phenotype (its
 * colour), drawn by the same {@link CellPainter} as the display.
 */
public final class Legend extends JPanel {

    private static final long serialVersionUID = 1L;
    private static final Font HEAD = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font ENTRY = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final int ICON = 15;

    /** Column titles, with the shape each type is drawn as. */
    static final Map<CellType, String> TITLES = titles();
    /** Which types share a legend column, chosen to keep the columns about equally long. */
    static final List<List<CellType>> COLUMNS = List.of(
            List.of(CellType.T_CELL),
            List.of(CellType.MSC, CellType.NK),
            List.of(CellType.MACROPHAGE, CellType.TARGET),
            List.of(CellType.B_CELL));

    public Legend() {
        super(new WrapLayout(FlowLayout.LEFT, 0, 0)); // a narrow window puts the last columns under the first
        setBackground(Color.WHITE);
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, new Color(0xDD, 0xDD, 0xDD)),
                BorderFactory.createEmptyBorder(4, 6, 4, 6)));
        for (List<CellType> types : COLUMNS) {
            Box column = Box.createVerticalBox();
            for (CellType type : types) {
                if (column.getComponentCount() > 0) {
                    column.add(Box.createVerticalStrut(6));
                }
                JLabel head = new JLabel(TITLES.get(type));
                head.setFont(HEAD);
                column.add(head);
                for (CellStyle s : entries(type)) {
                    column.add(entry(s));
                }
            }
            add(column);
            add(Box.createHorizontalStrut(16));
        }
        setToolTipText("Shape = cell type, colour = phenotype. MSCs and macrophages are drawn larger, as they are."
                + " Click a cell to inspect it.");
    }

    /** The styles of one cell type, in enum (biological) order. */
    static List<CellStyle> entries(CellType type) {
        List<CellStyle> out = new ArrayList<>();
        for (CellStyle s : CellStyle.values()) {
            if (s.type == type) {
                out.add(s);
            }
        }
        return out;
    }

    private static Map<CellType, String> titles() {
        Map<CellType, String> m = new LinkedHashMap<>();
        m.put(CellType.T_CELL, "T cells ●");
        m.put(CellType.MSC, "MSCs ◆");
        m.put(CellType.MACROPHAGE, "Macrophages ⬢");
        m.put(CellType.B_CELL, "B cells ▲");
        m.put(CellType.NK, "NK cells ✚");
        m.put(CellType.TARGET, "Target cells ✖");
        return m;
    }

    private static Component entry(CellStyle s) {
        JLabel l = new JLabel(s.label, new Swatch(s), JLabel.LEFT);
        l.setFont(ENTRY);
        l.setIconTextGap(5);
        return l;
    }

    /** A cell glyph as an icon. */
    static final class Swatch implements Icon {
        private final CellStyle style;
        private final CellPainter painter = new CellPainter();

        Swatch(CellStyle style) {
            this.style = style;
        }

        @Override
        public void paintIcon(Component c, Graphics g, int x, int y) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double size = style.glyph == CellStyle.Glyph.CIRCLE ? ICON * 0.75 : ICON;
            painter.paint(g2, style.glyph, x + ICON / 2.0, y + ICON / 2.0, size, style.color, false);
            g2.dispose();
        }

        @Override
        public int getIconWidth() {
            return ICON;
        }

        @Override
        public int getIconHeight() {
            return ICON;
        }
    }
}
