package org.mscsim.viz;

/**
 * Counts the MSCSim windows open in this process, so {@code mscsim gui} returns when the user has
 * closed the last one (opening another scenario replaces a GUI without ending the session).
 */
final class OpenGuis {

    private static final Object LOCK = new Object();
    private static int open;

    private OpenGuis() {
    }

    static void opened() {
        synchronized (LOCK) {
            open++;
        }
    }

    static void closed() {
        synchronized (LOCK) {
            open--;
            LOCK.notifyAll();
        }
    }

    /** Blocks until no MSCSim GUI is open. */
    static void awaitAllClosed() throws InterruptedException {
        synchronized (LOCK) {
            while (open > 0) {
                LOCK.wait();
            }
        }
    }
}
