package org.mscsim.scenario;

import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node came from, so validation errors can
 * name the line. Built by {@link YamlReader}; only mappings, sequences and scalars exist.
 */
public sealed interface YamlNode {

    /** 1-based line of the node in its source. */
    int line();

    /** What a user would call this kind of node in an error message. */
    String describe();

    /** An ordered mapping; each entry also remembers the line of its key. */
    record MapNode(int line, Map<String, Entry> entries) implements YamlNode {
        public String describe() {
            return "a mapping";
        }
    }

    record Entry(String key, int keyLine, YamlNode value) {
    }

    record ListNode(int line, List<YamlNode> items) implements YamlNode {
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar with its text as written and the type YAML gave it. YAML 1.1 reads {@code yes},
     * {@code on} and {@code true} (lower case, capitalised or upper case) as TRUE, {@code no},
     * {@code off} and {@code false} as FALSE; the text keeps what was written.
     */
    record Scalar(int line, String text, Type type) implements YamlNode {
        public enum Type { STRING, NUMBER, TRUE, FALSE, NULL }

        public String describe() {
            return type == Type.NULL ? "nothing" : show(text);
        }
    }

    /** Longest text a message quotes whole; longer text is cut, with its length said. */
    int SHOWN = 80;

    /**
     * Text as a message quotes it: in double quotes, on one line (control characters escaped), and
     * cut to its start when longer than {@link #SHOWN} characters, so a runaway value in a file
     * gives a readable error rather than a megabyte of it.
     */
    static String show(String text) {
        if (text.length() <= SHOWN) {
            return Param.quote(text);
        }
        return Param.quote(start(text)) + "... (" + text.length() + " characters)";
    }

    /**
     * Text as a message names it without quotes (e.g. a {@code --set} argument): as it is when
     * short and on one line, else escaped and cut like {@link #show}.
     */
    static String inline(String text) {
        if (text.length() <= SHOWN && text.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029)) {
            return text;
        }
        String cut = text.length() <= SHOWN ? text : start(text);
        String q = Param.quote(cut);
        return q.substring(1, q.length() - 1) + (cut.length() < text.length() ? "... (" + text.length() + " characters)" : "");
    }

    private static String start(String text) {
        return text.substring(0, Character.isHighSurrogate(text.charAt(SHOWN - 21)) ? SHOWN - 21 : SHOWN - 20);
    }
}
