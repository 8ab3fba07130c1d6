package org.mscsim.viz.fields;

import java.awt.BorderLayout;
import java.awt.Font;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import org.mscsim.fields.FieldId;

/**
 * Chooses the soluble factor shown as a heat map under the cells, with its colour bar beside.
 */
public final class HeatMapControls extends JPanel {

    private static final long serialVersionUID = 1L;

    /** The order of the choices: MSC factors first, then the inflammatory signals. */
    public static final List<FieldId> ORDER = List.of(FieldId.PGE2, FieldId.KYNURENINE, FieldId.TRYPTOPHAN,
            FieldId.TGF_BETA, FieldId.IFN_GAMMA, FieldId.IL10, FieldId.TNF_ALPHA, FieldId.IL6);

    private final JComboBox<FieldId> choice = new JComboBox<>();
    private final ColourBar bar = new ColourBar();

    public HeatMapControls(FieldLayer layer, Runnable repaint) {
        super(new BorderLayout(8, 0));
        setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
        choice.addItem(null);
        for (FieldId id : ORDER) {
            choice.addItem(id);
        }
        choice.setRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Component getListCellRendererComponent(JList<?> list, Object value, int index,
                                                                   boolean selected, boolean focus) {
                return super.getListCellRendererComponent(list, describe((FieldId) value), index, selected, focus);
            }
        });
        choice.setToolTipText("Soluble factor shown as a heat map under the cells (concentration in each voxel)");
        choice.addActionListener(e -> {
            layer.show((FieldId) choice.getSelectedItem());
            repaint.run();
        });
        layer.onPaint(bar::setReading);
        JPanel left = new JPanel(new BorderLayout(0, 2));
        JLabel title = new JLabel("Heat map");
        title.setFont(title.getFont().deriveFont(Font.BOLD));
        left.add(title, BorderLayout.NORTH);
        left.add(choice, BorderLayout.CENTER);
        add(left, BorderLayout.WEST);
        add(bar, BorderLayout.CENTER);
    }

    static String describe(FieldId id) {
        return id == null ? "none (cells only)" : id.label + " (" + id.unit + ")";
    }

    /** Selects a field programmatically (also what the user's choice does). */
    public void select(FieldId id) {
        choice.setSelectedItem(id);
    }
}
