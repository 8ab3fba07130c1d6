package org.mscsim.assay;

import java.util.ArrayList;
import java.util.List;
import org.mscsim.output.Num;

/** A small table of results: written as CSV, printed aligned. */
public final class Table {

    private final String name;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String name, String... columns) {
        this.name = name;
        this.columns = List.of(columns);
    }

    /** File name stem, e.g. {@code suppression} for suppression.csv. */
    public String name() {
        return name;
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<String>> rows() {
        return rows;
    }

    /** Adds a row; numbers are formatted like timeseries.csv, other values with toString. */
    public Table row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(name + ": row has " + cells.length + " cells, expected " + columns.size());
        }
        List<String> r = new ArrayList<>(cells.length);
        for (Object c : cells) {
            r.add(c instanceof Double d ? Num.format(d) : c instanceof Float f ? Num.format(f) : String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    public String csv() {
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", columns.stream().map(Table::quote).toList())).append('\n');
        for (List<String> r : rows) {
            b.append(String.join(",", r.stream().map(Table::quote).toList())).append('\n');
        }
        return b.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The table as aligned text, for the terminal. */
    public String text() {
        int[] w = new int[columns.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = columns.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, columns, w);
        for (List<String> r : rows) {
            line(b, r, w);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells, int[] w) {
        b.append(' ');
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            b.append(' ').append(c).append(" ".repeat(w[i] - c.length() + 1));
        }
        b.setLength(b.length() - 1);
        while (b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
            b.setLength(b.length() - 1);
        }
        b.append('\n');
    }
}
