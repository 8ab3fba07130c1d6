package org.mscsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process, as a user would type it, capturing its output. */
final class Cli {

    record Result(int exitCode, String out, String err) {
    }

    /** Arguments that shrink the default co-culture so a CLI test runs in about a second. */
    static final String[] SMALL = {
        "--set", "grid.width=60", "--set", "grid.height=60",
        "--set", "populations.msc=40", "--set", "populations.t_cd4=260", "--set", "populations.t_cd8=140",
        "--set", "populations.b=60", "--set", "populations.nk=60", "--set", "populations.macrophage=80",
        "--hours", "24", "--quiet"};

    private Cli() {
    }

    static Result run(String... args) {
        System.setProperty("java.awt.headless", "true");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
