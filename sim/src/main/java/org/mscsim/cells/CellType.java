package org.mscsim.cells;

/** The kinds of agent on the tissue grid: five cell types of the model and assay targets. */
public enum CellType {
    MSC, T_CELL, B_CELL, NK, MACROPHAGE, TARGET
}
