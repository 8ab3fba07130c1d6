package org.mscsim.fields;

import sim.field.grid.DoubleGrid2D;

/**
 * One named soluble field: its concentrations on the lattice ({@code c[y][x]}, an array of rows; see
 * {@link DiffusionSolver}), its solver, and
 * the conversions between per-cell rates and voxel concentrations.
 *
 * <p>Each voxel stands for a column {@code voxel × voxel × depth} of medium or tissue: in a
 * well the secreted molecules spread through the medium above the cells, in tissue through a
 * slab one cell thick. Secretion is given per cell in molecules/s and uptake as the volume a
 * cell clears per minute (pL/min), so both become per-voxel rates by dividing by that volume,
 * as BioFVM scales uptake by cell volume over voxel volume.
 */
public final class Field {

    private static final double AVOGADRO = 6.022_140_76e23;

    public final FieldId id;
    public final int nx;
    public final int ny;
    /** Concentration in voxel (x, y) is {@code c[y][x]}. */
    public final double[][] c;
    final DiffusionSolver solver;

    private double perMoleculePerSecond; // field units per minute per (molecule/s) in one voxel
    private double uptakePerMin;         // per-voxel first-order uptake by one cell (1/min)
    private double dtMin;
    private double uptakeKeep;           // 1 / (1 + dt u): share left after one step of one cell's uptake
    private double initial;
    private DoubleGrid2D display;

    public Field(FieldId id, int nx, int ny, DiffusionSolver.Boundary boundary) {
        this.id = id;
        this.nx = nx;
        this.ny = ny;
        this.c = new double[ny][nx];
        this.solver = new DiffusionSolver(nx, ny, boundary);
    }

    /**
     * @param voxelUm          lattice spacing (µm)
     * @param depthUm          height of the column each voxel represents (µm)
     * @param diffusion        µm²/min
     * @param halfLifeMin      decay half-life (min); infinite for none
     * @param uptakePlPerMin   volume cleared per cell per minute (pL/min)
     * @param supplyPerH       relaxation towards {@code initial} (1/h), e.g. plasma supply
     * @param initial          starting and supply level (field units)
     */
    public void configure(double voxelUm, double depthUm, double dtMin, double diffusion,
                          double halfLifeMin, double uptakePlPerMin, double supplyPerH, double initial) {
        double voxelLitres = voxelUm * voxelUm * depthUm * 1e-15;
        double molarPerMoleculePerSecond = 60.0 / AVOGADRO / voxelLitres; // mol/L per min
        this.perMoleculePerSecond = id.molar()
                ? molarPerMoleculePerSecond * 1e6                               // µM
                : molarPerMoleculePerSecond * id.molarMassGPerMol * 1e6;       // g/L -> ng/mL
        this.uptakePerMin = uptakePlPerMin * 1e-12 / voxelLitres;
        this.dtMin = dtMin;
        this.uptakeKeep = 1.0 / (1.0 + dtMin * uptakePerMin);
        this.initial = initial;
        double decay = Double.isInfinite(halfLifeMin) ? 0.0 : Math.log(2) / halfLifeMin;
        solver.configure(diffusion, decay, supplyPerH / 60.0, initial, dtMin, voxelUm);
    }

    public void fill(double value) {
        for (double[] row : c) {
            java.util.Arrays.fill(row, value);
        }
    }

    public double initial() {
        return initial;
    }

    /** Converts a per-cell secretion rate (molecules/s) into a voxel rate (field units/min). */
    public double perCell(double moleculesPerSecond) {
        return moleculesPerSecond * perMoleculePerSecond;
    }

    /** Converts a per-cell rate in fmol/h into a voxel rate (field units/min). */
    public double perCellFmolPerHour(double fmolPerHour) {
        // fmol/h = 1e-15 mol / 3600 s = 1e-15 * AVOGADRO / 3600 molecules/s
        return perCell(fmolPerHour * 1e-15 * AVOGADRO / 3600.0);
    }

    /**
     * One cell's secretion {@code s} (units/min) and first-order uptake in voxel (x, y) over
     * one step, implicit in time so uptake can never drive the concentration negative.
     */
    public void secreteAndTakeUp(int x, int y, double s) {
        final double[] row = c[y];
        row[x] = (row[x] + dtMin * s) * uptakeKeep;
    }

    /** Whether cells take this field up. */
    public boolean takenUp() {
        return uptakePerMin != 0;
    }

    /** The concentration in voxel (x, y). */
    public double at(int x, int y) {
        return c[y][x];
    }

    public double mean() {
        return total() / ((double) nx * ny);
    }

    /** The sum over all voxels, row by row. */
    public double total() {
        double sum = 0;
        for (double[] row : c) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum;
    }

    /** Multiplies every voxel by {@code keep} and adds {@code add}. */
    public void scale(double keep, double add) {
        for (double[] row : c) {
            for (int i = 0; i < row.length; i++) {
                row[i] = row[i] * keep + add;
            }
        }
    }

    /**
     * The field as a MASON grid for display, refreshed from the rows on each call; only
     * the GUI calls this, so headless runs never pay for it.
     */
    public DoubleGrid2D display() {
        if (display == null) {
            display = new DoubleGrid2D(nx, ny);
        }
        double[][] f = display.field;
        for (int y = 0; y < ny; y++) {
            final double[] row = c[y];
            for (int x = 0; x < nx; x++) {
                f[x][y] = row[x];
            }
        }
        return display;
    }
}
