package org.mscsim.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seeded malformations of MSCSim's YAML inputs, the kinds of damage real files suffer and the
 * kinds of text an attacker would try: flipped bytes, truncation, lost, doubled and swapped
 * lines, broken indentation and tabs, values of the wrong type, absurd numbers, misspelled and
 * unknown keys, deep nesting, huge strings, invalid UTF-8, anchors and aliases (alias bombs),
 * tags naming Java classes, several documents, empty files and binary garbage. The same seed
 * always gives the same bytes, so a failing input is reproduced from its seed alone.
 */
final class Mutator {

    /** Numbers a parser or a range check may mishandle. */
    static final List<String> NUMBERS = List.of("0", "-0", "-1", "-2147483649", "2147483648", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "99999999999999999999999999", "1e308", "1e309", "-1e309", "1e-400",
            "4.9e-324", "1.7976931348623157E308", ".nan", ".NaN", "NaN", ".inf", "-.inf", "+.inf", "inf", "Infinity", "-Infinity",
            "0x10", "0x1p3", "0X1P-3", "0o17", "017", "0b101", "1_000", "1__0", "_1", "1_", "1e", "1e+", "e5", ".", "-", "+",
            "1.2.3", "1,5", "1 000", "12abc", "3d", "3f", "0.1e-5", "1E5", "+7", "٣", "１２", "1/2", "2:30", "60:00:00",
            "1.0e6", "4000", "4001", "16000000", "16000001", "1e12", "1e13", "1e9", "0.0000001", "-0.0");

    /** Scalars of other types, to swap in for a value. */
    static final List<String> SCALARS = List.of("\"ten\"", "ten", "'quoted'", "true", "false", "yes", "no", "on", "off", "null", "~",
            "\"\"", "''", "[]", "{}", "[1, 2, 3]", "[a, [b, [c]]]", "{a: 1}", "{from: 0, to: 1, step: 0.5}", "{values: []}",
            "{distribution: uniform, min: 1, max: 0}", "{at: 24}", "{time_to: {threshold: 1, direction: sideways}}", "- 1", "|\n  block\n  text",
            ">\n  folded", "\"a\\nb\"", "\"\\0\"", "\"\\x00\"", "\"\\u0000\"", "\"\\uD800\"", "\"\\N\"", "\"bad \\q escape\"", "\"unterminated",
            "'unterminated", "[unterminated", "{unterminated", "a: b: c", "- - -", "? complex", "@reserved", "`backtick`", "%percent",
            "\"../../../../etc/passwd\"", "/etc/passwd", "/dev/zero", "/proc/self/mem", ".", "..", "\"\"", "sweeps", "\"a; $(touch PWNED)\"",
            "\"`touch PWNED`\"", "\"q'uo\\\"te\"", "\"line1\\nline2\"", "\"tab\\there\"", "\"\\u2028sep\"", "\"#hash\"", "2024-01-01",
            "2001-12-14t21:59:43.10-05:00", "0.5e6/kg", "1/3", "uniform", "log-uniform", "lhs", "grid", "final", "max", "min", "lognormal",
            "normal", "support", "inhibit", "periodic", "itp-patient.yaml", "../coculture.yaml", "coculture.yaml", "*alias", "&anchor",
            "&a [1, *a]", "!!binary \"@@@@\"", "!!binary \"AAAA\"", "!!int abc", "!!int 12", "!!float x", "!!bool maybe", "!!null x",
            "!!str 5", "!!timestamp nope", "!!set {a, b}", "!!omap [a: 1]", "!!java.lang.Runtime {}",
            "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost:1/\"]]]]",
            "!!java.io.FileOutputStream [\"PWNED\"]", "!!org.mscsim.fuzz.Canary {}", "!<tag:yaml.org,2002:int> x", "!local 3", "!<!> x",
            "!!python/object/apply:os.system [\"touch PWNED\"]", "!ruby/object:Gem::Installer {}");

    /** Key names to splice in: real ones from other sections and files, misspellings, odd text. */
    static final List<String> KEYS = List.of("populations", "msc", "t_cd4", "grid", "width", "time", "hours", "dt_min", "seed",
            "name", "base", "set", "vary", "cases", "design", "samples", "replicates", "outputs", "slurm", "partition", "extra_sbatch",
            "runs_per_task", "max_parallel", "patient", "arms", "response", "variability", "published", "follow_up_weeks",
            "dose_per_kg", "infusions_at_weeks", "patients", "interventions", "at_h", "add_msc", "block", "invivo", "enabled",
            "populaitons", "grdi", "tiem", "vray", "outptus", "armz", "msc.pge2_licensed_fold", "blockade.pd_l1", "t_cell.cycle_h",
            "populations.msc", "time.hours", "\"\"", "''", "~", "null", "123", "-", "?", "\"a.b\"", "a..b", ".hidden", "trailing.",
            "<<", "mscsim_version", "description", "\"spa ce\"", "ü", "\"\\t\"", "__proto__", "class", "@type", "$ref");

    /** Bytes that are not UTF-8: lone continuation bytes, overlong forms, surrogates, 0xFE/0xFF, truncated sequences. */
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC3, 0x28}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFE}, {(byte) 0xFF},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}};

    private static final Pattern KEY_VALUE = Pattern.compile("^(\\s*(?:- )?)([^:#\\s][^:#]*?):(\\s+)([^#\\s][^#]*?)(\\s*(?:#.*)?)$");
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_.])[-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?![A-Za-z_])");
    private static final Pattern KEY = Pattern.compile("^(\\s*(?:- )?\\{?)([A-Za-z_][A-Za-z0-9_.]*)(:)");

    private final UniformRandomProvider rng;
    private final List<String> splices;

    /**
     * @param splices lines of other inputs, spliced in now and then (a scenario line in a sweep,
     *                a sweep line in a trial)
     */
    Mutator(long seed, List<String> splices) {
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        this.splices = splices;
    }

    /** One malformed variant of {@code text}: usually 1 to 3 mutations stacked, sometimes a whole-file replacement. */
    byte[] mutate(String text) {
        int whole = rng.nextInt(100);
        if (whole < 2) {
            return garbage();
        }
        if (whole < 3) {
            return special();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int n = 1 + rng.nextInt(3);
        byte[] bytesMutation = null;
        for (int i = 0; i < n; i++) {
            int op = rng.nextInt(26);
            switch (op) {
                case 0, 1, 2 -> typeSwap(lines);
                case 3, 4 -> number(lines);
                case 5 -> deleteLine(lines);
                case 6 -> duplicateLine(lines);
                case 7 -> swapLines(lines);
                case 8, 9 -> indentation(lines);
                case 10 -> tabs(lines);
                case 11, 12 -> key(lines);
                case 13 -> unknownKey(lines);
                case 14 -> nesting(lines);
                case 15 -> longString(lines);
                case 16 -> aliases(lines);
                case 17 -> tag(lines);
                case 18 -> syntaxChar(lines);
                case 19 -> splice(lines);
                case 20 -> documents(lines);
                case 21 -> controlCharacter(lines);
                case 22 -> bytesMutation = new byte[0];
                case 23 -> duplicateKey(lines);
                case 24 -> emptyValue(lines);
                default -> typeSwap(lines);
            }
        }
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        if (bytesMutation != null || rng.nextInt(12) == 0) {
            bytes = byteLevel(bytes);
        }
        return bytes;
    }

    // ---------------------------------------------------------------- line operators

    private int pick(List<String> lines) {
        return lines.isEmpty() ? 0 : rng.nextInt(lines.size());
    }

    /** A line holding {@code key: value}, or -1. */
    private int keyValueLine(List<String> lines) {
        for (int tries = 0; tries < 20 && !lines.isEmpty(); tries++) {
            int i = pick(lines);
            if (KEY_VALUE.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    private <T> T any(List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    private void typeSwap(List<String> lines) {
        int i = keyValueLine(lines);
        if (i < 0) {
            return;
        }
        Matcher m = KEY_VALUE.matcher(lines.get(i));
        m.matches();
        String value = rng.nextInt(3) == 0 ? any(NUMBERS) : any(SCALARS);
        if (value.contains("\n")) {
            // A block scalar continues on lines indented under the key.
            String indent = m.group(1).replace("- ", "  ") + "  ";
            value = value.replace("\n", "\n" + indent);
        }
        lines.set(i, m.group(1) + m.group(2) + ":" + m.group(3) + value + m.group(5));
    }

    private void number(List<String> lines) {
        for (int tries = 0; tries < 20 && !lines.isEmpty(); tries++) {
            int i = pick(lines);
            Matcher m = NUMBER.matcher(lines.get(i));
            List<int[]> spans = new ArrayList<>();
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
            }
            if (!spans.isEmpty()) {
                int[] s = any(spans);
                String line = lines.get(i);
                lines.set(i, line.substring(0, s[0]) + any(NUMBERS) + line.substring(s[1]));
                return;
            }
        }
    }

    private void deleteLine(List<String> lines) {
        if (!lines.isEmpty()) {
            int i = pick(lines);
            int count = 1 + (rng.nextInt(4) == 0 ? rng.nextInt(5) : 0);
            for (int k = 0; k < count && i < lines.size(); k++) {
                lines.remove(i);
            }
        }
    }

    private void duplicateLine(List<String> lines) {
        if (!lines.isEmpty()) {
            int i = pick(lines);
            lines.add(pick(lines), lines.get(i));
        }
    }

    private void swapLines(List<String> lines) {
        if (lines.size() > 1) {
            int a = pick(lines);
            int b = pick(lines);
            String t = lines.get(a);
            lines.set(a, lines.get(b));
            lines.set(b, t);
        }
    }

    private void indentation(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        int i = pick(lines);
        String line = lines.get(i);
        switch (rng.nextInt(4)) {
            case 0 -> lines.set(i, " ".repeat(1 + rng.nextInt(6)) + line);
            case 1 -> lines.set(i, line.stripLeading());
            case 2 -> lines.set(i, line.startsWith(" ") ? line.substring(1) : line);
            default -> {
                // Shift a whole block.
                int end = Math.min(lines.size(), i + 1 + rng.nextInt(6));
                String pad = " ".repeat(1 + rng.nextInt(3));
                for (int k = i; k < end; k++) {
                    lines.set(k, pad + lines.get(k));
                }
            }
        }
    }

    private void tabs(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        int i = pick(lines);
        String line = lines.get(i);
        if (rng.nextBoolean() && line.startsWith("  ")) {
            lines.set(i, "\t" + line.substring(2));
        } else {
            int at = line.isEmpty() ? 0 : rng.nextInt(line.length() + 1);
            lines.set(i, line.substring(0, at) + "\t" + line.substring(at));
        }
    }

    /** Misspells, renames or blanks a key. */
    private void key(List<String> lines) {
        for (int tries = 0; tries < 20 && !lines.isEmpty(); tries++) {
            int i = pick(lines);
            Matcher m = KEY.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            String key = m.group(2);
            String changed = switch (rng.nextInt(5)) {
                case 0 -> any(KEYS);
                case 1 -> key.length() > 1 ? key.substring(0, key.length() - 1) : key + "x";
                case 2 -> {
                    int at = rng.nextInt(key.length());
                    yield key.substring(0, at) + (char) ('a' + rng.nextInt(26)) + key.substring(at);
                }
                case 3 -> key.toUpperCase(java.util.Locale.ROOT);
                default -> {
                    if (key.length() < 2) {
                        yield key + key;
                    }
                    int at = rng.nextInt(key.length() - 1);
                    yield key.substring(0, at) + key.charAt(at + 1) + key.charAt(at) + key.substring(at + 2);
                }
            };
            String line = lines.get(i);
            lines.set(i, line.substring(0, m.start(2)) + changed + line.substring(m.end(2)));
            return;
        }
    }

    private void unknownKey(List<String> lines) {
        int i = pick(lines);
        String indent = lines.isEmpty() ? "" : lines.get(i).replaceAll("^(\\s*).*$", "$1");
        lines.add(i, indent + any(KEYS) + ": " + (rng.nextBoolean() ? any(SCALARS).replace("\n", " ") : any(NUMBERS)));
    }

    private void duplicateKey(List<String> lines) {
        int i = keyValueLine(lines);
        if (i >= 0) {
            lines.add(i + 1, lines.get(i));
        }
    }

    private void emptyValue(List<String> lines) {
        int i = keyValueLine(lines);
        if (i >= 0) {
            Matcher m = KEY_VALUE.matcher(lines.get(i));
            m.matches();
            lines.set(i, m.group(1) + m.group(2) + ":" + m.group(5));
        }
    }

    private void nesting(List<String> lines) {
        int i = keyValueLine(lines);
        if (i < 0) {
            return;
        }
        Matcher m = KEY_VALUE.matcher(lines.get(i));
        m.matches();
        int depth = 1 + rng.nextInt(rng.nextBoolean() ? 20 : 3000);
        String value;
        switch (rng.nextInt(3)) {
            case 0 -> value = "[".repeat(depth) + "1" + "]".repeat(depth);
            case 1 -> value = "{a: ".repeat(depth) + "1" + "}".repeat(depth);
            default -> {
                // Block style: one more level per line.
                StringBuilder b = new StringBuilder();
                String indent = m.group(1).replace("- ", "  ");
                int d = Math.min(depth, 200);
                for (int k = 0; k < d; k++) {
                    b.append('\n').append(indent).append(" ".repeat(2 * (k + 1))).append("k").append(k).append(':');
                }
                value = b.append(" 1").toString();
                lines.set(i, m.group(1) + m.group(2) + ":" + value);
                return;
            }
        }
        lines.set(i, m.group(1) + m.group(2) + ":" + m.group(3) + value + m.group(5));
    }

    private void longString(List<String> lines) {
        int i = keyValueLine(lines);
        if (i < 0) {
            return;
        }
        Matcher m = KEY_VALUE.matcher(lines.get(i));
        m.matches();
        // Now and then a megabyte: SnakeYAML scans that in a few hundred milliseconds, so few of them.
        int length = rng.nextInt(40) != 0 ? 100 + rng.nextInt(10_000) : 200_000 + rng.nextInt(1_000_000);
        char c = "ax9 é𝔠-_./".charAt(rng.nextInt(9));
        String s = String.valueOf(c).repeat(length);
        String value = rng.nextBoolean() ? "\"" + s + "\"" : s.replace(' ', 'b');
        if (rng.nextInt(4) == 0) {
            // A huge key instead.
            lines.set(i, m.group(1) + s.replace(' ', 'k').replace(':', 'k') + ": 1");
        } else {
            lines.set(i, m.group(1) + m.group(2) + ":" + m.group(3) + value);
        }
    }

    private void aliases(List<String> lines) {
        switch (rng.nextInt(4)) {
            case 0 -> {
                // An anchor on one value and an alias in place of another.
                int a = keyValueLine(lines);
                int b = keyValueLine(lines);
                if (a < 0 || b < 0) {
                    return;
                }
                Matcher ma = KEY_VALUE.matcher(lines.get(a));
                ma.matches();
                lines.set(a, ma.group(1) + ma.group(2) + ":" + ma.group(3) + "&x " + ma.group(4) + ma.group(5));
                Matcher mb = KEY_VALUE.matcher(lines.get(b));
                mb.matches();
                lines.set(b, mb.group(1) + mb.group(2) + ":" + mb.group(3) + "*x" + mb.group(5));
            }
            case 1 -> {
                int b = keyValueLine(lines);
                if (b >= 0) {
                    Matcher mb = KEY_VALUE.matcher(lines.get(b));
                    mb.matches();
                    lines.set(b, mb.group(1) + mb.group(2) + ":" + mb.group(3) + "*undefined" + mb.group(5));
                }
            }
            case 2 -> lines.addAll(0, billionLaughs(2 + rng.nextInt(9)));
            default -> {
                lines.add(0, "defaults: &defaults {msc: 1, t_cd4: 2}");
                lines.add("merged: {<<: *defaults, b: 3}");
            }
        }
    }

    /** The classic alias bomb: each level refers to the one before ten times. */
    static List<String> billionLaughs(int levels) {
        List<String> out = new ArrayList<>();
        out.add("l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]");
        for (int k = 1; k < levels; k++) {
            String ref = "*l" + (k - 1);
            out.add("l" + k + ": &l" + k + " [" + String.join(", ", java.util.Collections.nCopies(10, ref)) + "]");
        }
        return out;
    }

    private void tag(List<String> lines) {
        int i = keyValueLine(lines);
        if (i < 0) {
            return;
        }
        Matcher m = KEY_VALUE.matcher(lines.get(i));
        m.matches();
        String tag = any(List.of("!!java.lang.Runtime", "!!javax.script.ScriptEngineManager", "!!java.net.URL", "!!org.mscsim.fuzz.Canary",
                "!!str", "!!int", "!!float", "!!bool", "!!null", "!!binary", "!!map", "!!seq", "!!set", "!!timestamp", "!local", "!",
                "!<tag:yaml.org,2002:str>", "!<tag:example.com,2000:app/foo>", "!!python/object:os.system"));
        lines.set(i, m.group(1) + m.group(2) + ":" + m.group(3) + tag + " " + m.group(4) + m.group(5));
        if (rng.nextInt(5) == 0) {
            lines.add(0, any(List.of("%YAML 1.1", "%YAML 1.2", "%YAML 2.0", "%TAG ! tag:example.com,2000:", "%TAG !! tag:evil,2000:",
                    "%FOO bar")) + "\n---");
        }
    }

    private void syntaxChar(List<String> lines) {
        if (lines.isEmpty()) {
            lines.add("");
        }
        int i = pick(lines);
        String line = lines.get(i);
        int at = line.isEmpty() ? 0 : rng.nextInt(line.length() + 1);
        String c = any(List.of(":", "-", "- ", "[", "]", "{", "}", ",", "'", "\"", "|", ">", "?", "? ", "*", "&", "!", "%", "@", "`", "#",
                ": ", " #", "\\", "\u00a0", "\u2028", "\ufeff", "\r", "\r\n", "\u0085"));
        lines.set(i, line.substring(0, at) + c + line.substring(at));
    }

    private void splice(List<String> lines) {
        if (!splices.isEmpty()) {
            lines.add(pick(lines), any(splices));
        }
    }

    private void documents(List<String> lines) {
        switch (rng.nextInt(4)) {
            case 0 -> lines.add(0, "---");
            case 1 -> lines.add(pick(lines), "---");
            case 2 -> lines.add(pick(lines), "...");
            default -> lines.add("---\nsecond: document");
        }
    }

    private void controlCharacter(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        int i = pick(lines);
        String line = lines.get(i);
        int at = line.isEmpty() ? 0 : rng.nextInt(line.length() + 1);
        char c = any(List.of('\0', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\ufffe', '\uffff', '\ud800'));
        lines.set(i, line.substring(0, at) + c + line.substring(at));
    }

    // ---------------------------------------------------------------- byte operators

    private byte[] byteLevel(byte[] bytes) {
        switch (rng.nextInt(5)) {
            case 0 -> {
                // Flip a few bits.
                byte[] out = bytes.clone();
                int flips = 1 + rng.nextInt(8);
                for (int k = 0; k < flips && out.length > 0; k++) {
                    int at = rng.nextInt(out.length);
                    out[at] ^= (byte) (1 << rng.nextInt(8));
                }
                return out;
            }
            case 1 -> {
                return Arrays.copyOf(bytes, bytes.length == 0 ? 0 : rng.nextInt(bytes.length));
            }
            case 2 -> {
                // Insert a sequence that is not UTF-8.
                byte[] bad = BAD_UTF8[rng.nextInt(BAD_UTF8.length)];
                int at = bytes.length == 0 ? 0 : rng.nextInt(bytes.length + 1);
                byte[] out = new byte[bytes.length + bad.length];
                System.arraycopy(bytes, 0, out, 0, at);
                System.arraycopy(bad, 0, out, at, bad.length);
                System.arraycopy(bytes, at, out, at + bad.length, bytes.length - at);
                return out;
            }
            case 3 -> {
                // Overwrite a stretch with random bytes.
                byte[] out = bytes.clone();
                if (out.length > 0) {
                    int at = rng.nextInt(out.length);
                    int len = Math.min(out.length - at, 1 + rng.nextInt(16));
                    byte[] noise = new byte[len];
                    rng.nextBytes(noise);
                    System.arraycopy(noise, 0, out, at, len);
                }
                return out;
            }
            default -> {
                // Other encodings and line ends.
                String s = new String(bytes, StandardCharsets.UTF_8);
                return switch (rng.nextInt(4)) {
                    case 0 -> s.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
                    case 1 -> s.replace("\n", "\r").getBytes(StandardCharsets.UTF_8);
                    case 2 -> s.getBytes(StandardCharsets.UTF_16);
                    default -> s.getBytes(StandardCharsets.ISO_8859_1);
                };
            }
        }
    }

    private byte[] garbage() {
        byte[] b = new byte[rng.nextInt(rng.nextBoolean() ? 64 : 20_000)];
        rng.nextBytes(b);
        return b;
    }

    /** Whole files that are not scenarios at all. */
    private byte[] special() {
        String s = any(List.of("", " ", "\n\n\n", "# only a comment\n", "---\n", "...\n", "---\n---\n", "~\n", "null\n", "42\n",
                "\"just a string\"\n", "[1, 2, 3]\n", "- a\n- b\n", "{}\n", "[]\n", "!!java.lang.Runtime {}\n", "\ufeff", "\ufeffname: x\n",
                "&a [*a]\n", "*a\n", "a: *a\n", "%YAML 1.1\n", "key: value\n...\nmore: text\n", "\0", "\t", "? \n", ": \n",
                String.join("\n", billionLaughs(9)) + "\n"));
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
