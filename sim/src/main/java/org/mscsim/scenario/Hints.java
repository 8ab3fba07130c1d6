package org.mscsim.scenario;

import java.util.Collection;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" hints for misspelt keys in scenario, sweep and trial files. */
public final class Hints {

    private Hints() {
    }

    /**
     * The candidate closest to {@code key} by edit distance, or null if none is close enough to
     * suggest (at most max(2, length / 4) edits).
     */
    public static String closest(String key, Collection<String> candidates) {
        int limit = Math.max(2, key.length() / 4);
        LevenshteinDistance within = new LevenshteinDistance(limit);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = within.apply(key, c);   // -1 when more than limit edits apart
            if (d >= 0 && d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }
}
