package org.mscsim.cells;

/** The five kinds of agent on the tissue grid. */
public enum CellType {
    MSC, T_CELL, B_CELL, NK, MACROPHAGE
}
