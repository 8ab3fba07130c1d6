package org.mscsim.sweep.slurm;

/**
 * Quoting for the two languages in a batch script. Values come from users (directory names,
 * partitions), so each is quoted for exactly the reader that parses it: bash for the script body,
 * sbatch's own parser for {@code #SBATCH} lines (bash sees those as comments).
 */
final class Quoting {

    private Quoting() {
    }

    /** A bash word that is exactly {@code s}: single quotes, inside which nothing is special. */
    static String shell(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * An {@code #SBATCH} option value that sbatch reads back as exactly {@code s}: sbatch splits
     * these lines at blanks, strips quotes, honours backslash escapes and treats an unquoted
     * {@code #} as a comment, so the value goes in double quotes with {@code \} and {@code "}
     * escaped. Line breaks cannot be quoted there and are refused before this.
     */
    static String sbatch(String s) {
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("line break in an #SBATCH value");
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A path in sbatch's --output, where {@code %} starts a replacement (%A job, %a task) unless doubled. */
    static String outputPath(String path) {
        return path.replace("%", "%%");
    }
}
