package org.mscsim.viz;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;

/** The guard of tests that open windows. */
public final class Display {

    /** What CI must run the tests under (see viz/README-section.md). */
    public static final String CI_COMMAND = "xvfb-run -a -s \"-screen 0 1600x1000x24\" mvn -B verify";

    private Display() {
    }

    /**
     * Skips the test where no display can be had (a laptop without X, a headless JVM), but fails it
     * on CI, which must run the GUI tests under Xvfb.
     */
    public static void require() {
        if (!GraphicsEnvironment.isHeadless()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("GUI tests need a display and CI must run them: " + CI_COMMAND);
        }
        assumeTrue(false, "no display (DISPLAY unset or java.awt.headless): GUI test skipped; run under " + CI_COMMAND);
    }
}
