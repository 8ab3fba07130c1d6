package org.mscsim.viz.charts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The names of the observable columns a model reports, and where each sits in a row. */
public final class Columns {

    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();

    public Columns(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
    }

    public List<String> names() {
        return names;
    }

    public boolean has(String name) {
        return index.containsKey(name);
    }

    public boolean hasAll(List<String> wanted) {
        for (String w : wanted) {
            if (!has(w)) {
                return false;
            }
        }
        return true;
    }

    public int index(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no observable column " + name);
        }
        return i;
    }

    int[] indices(String... wanted) {
        int[] out = new int[wanted.length];
        for (int i = 0; i < wanted.length; i++) {
            out[i] = index(wanted[i]);
        }
        return out;
    }
}
