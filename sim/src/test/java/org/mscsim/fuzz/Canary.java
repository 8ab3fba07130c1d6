package org.mscsim.fuzz;

/**
 * A class no input may ever instantiate. Fuzzed files name it in YAML tags
 * ({@code !!org.mscsim.fuzz.Canary {}}); if a loader ever built objects from tags, this class would
 * be initialised and {@link Tripwire#touched} would turn true. (The flag lives in its own class:
 * reading a field of Canary itself would initialise Canary.)
 */
public final class Canary {

    static {
        Tripwire.touched = true;
    }

    public Canary() {
        Tripwire.touched = true;
    }

    /** Whether {@link Canary} was ever initialised or built. */
    public static final class Tripwire {
        public static volatile boolean touched;

        private Tripwire() {
        }
    }
}
