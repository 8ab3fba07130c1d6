package org.mscsim.output;

import java.awt.BasicStroke;

/**
 * How a chart line is drawn besides its colour. Dashes tell apart lines whose colours are close
 * (MSCs, NK cells and macrophages are all warm hues, as in the tissue display) and let a line
 * drawn on top show the one it covers (licensed MSCs once every MSC is licensed).
 */
public enum LineStyle {
    SOLID(null),
    DASHED(new float[] {7f, 4f}),
    DASH_DOT(new float[] {9f, 3f, 2f, 3f});

    private final float[] dash;

    LineStyle(float[] dash) {
        this.dash = dash;
    }

    public BasicStroke stroke(float width) {
        return dash == null ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash.clone(), 0f);
    }
}
