package org.mscsim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads YAML into a {@link YamlNode} tree with line numbers. Jackson's streaming YAML parser is
 * used (it builds no objects of arbitrary types, so untrusted files are safe); duplicate keys,
 * aliases, tags other than the standard scalar ones and malformed YAML become
 * {@link ScenarioException}s naming the source and line.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
    private static final int MAX_DEPTH = 64;
    private static final String YAML_TAG = "tag:yaml.org,2002:";
    /** Keys are names such as populations.msc; one this long is damage, and would flood every message naming it. */
    private static final int MAX_KEY = 200;

    private final String source;
    private final List<String> problems = new ArrayList<>();

    private YamlReader(String source) {
        this.source = source;
    }

    /**
     * Parses one YAML document.
     *
     * @param source how to name the text in messages (a path, or "--set populations.msc")
     * @return the root node, or {@code null} for an empty document
     */
    public static YamlNode parse(String text, String source) throws ScenarioException {
        checkLineLengths(text, source);
        YamlReader r = new YamlReader(source);
        YamlNode root;
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            root = r.node(p, t, 0);
            if (p.nextToken() != null) {
                r.problems.add(source + " line " + line(p) + ": only one YAML document is allowed");
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // SnakeYAML reports some malformed input (bad escapes, tabs) as runtime exceptions.
            throw new ScenarioException(source + syntaxError(e, text));
        } catch (IOException e) {
            throw new ScenarioException(source + ": cannot read: " + e.getMessage());
        }
        if (!r.problems.isEmpty()) {
            throw new ScenarioException(r.problems);
        }
        return root;
    }

    /**
     * Longest line accepted. SnakeYAML copies its look-ahead window for every 1,024 characters of
     * one token, so a token of n characters costs n² / 2048 character copies: a megabyte-long value
     * took a second to reject and the 4 MiB a file may hold would take ten. No MSCSim file needs
     * a line this long (a sweep's 1,000 inline values fit in a tenth of it).
     */
    static final int MAX_LINE = 65_536;

    private static void checkLineLengths(String text, String source) throws ScenarioException {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE) {
                    throw new ScenarioException(String.format(java.util.Locale.ROOT,
                            "%s line %d: %,d characters long; lines may be at most %,d characters", source, line, i - start, MAX_LINE));
                }
                line++;
                start = i + 1;
            }
        }
    }

    private YamlNode node(JsonParser p, JsonToken t, int depth) throws IOException, ScenarioException {
        int line = line(p);
        if (depth > MAX_DEPTH) {
            throw new ScenarioException(source + " line " + line + ": nested more than " + MAX_DEPTH + " levels deep");
        }
        YAMLParser y = (YAMLParser) p;
        if (y.isCurrentAlias()) {
            // Jackson's streaming parser does not expand an alias: it would hand over the anchor's
            // name as if it were the value. Refusing aliases also rules out alias bombs.
            throw new ScenarioException(source + " line " + line + ": YAML aliases (*" + YamlNode.inline(p.getText())
                    + ") are not supported; write the value out");
        }
        String tag = y.getTypeId();
        if (tag != null && !tag.isEmpty() && !STANDARD_TAGS.contains(tag)) {
            // No tag ever builds an object here (the reader makes only maps, lists and text), but a
            // tag that does nothing would silently mean something else than its author intended.
            throw new ScenarioException(source + " line " + line + ": YAML tag " + YamlNode.show(shortTag(tag))
                    + " is not supported; MSCSim reads plain values (numbers, text, true/false, lists and mappings)");
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    if (key.length() > MAX_KEY) {
                        throw new ScenarioException(source + " line " + keyLine + ": a key of " + key.length()
                                + " characters (" + YamlNode.show(key) + "); keys are names such as populations.msc");
                    }
                    YamlNode value = node(p, p.nextToken(), depth + 1);
                    if (entries.containsKey(key)) {
                        problems.add(source + " line " + keyLine + ": key " + YamlNode.show(key) + " appears twice (first on line "
                                + entries.get(key).keyLine() + ")");
                    } else {
                        entries.put(key, new YamlNode.Entry(key, keyLine, value));
                    }
                }
                return new YamlNode.MapNode(line, entries);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
                    items.add(node(p, k, depth + 1));
                }
                return new YamlNode.ListNode(line, items);
            }
            case VALUE_STRING:
                return new YamlNode.Scalar(line, p.getText(), YamlNode.Scalar.Type.STRING);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(line, p.getText(), YamlNode.Scalar.Type.NUMBER);
            case VALUE_TRUE:
                return new YamlNode.Scalar(line, p.getText(), YamlNode.Scalar.Type.TRUE);
            case VALUE_FALSE:
                return new YamlNode.Scalar(line, p.getText(), YamlNode.Scalar.Type.FALSE);
            case VALUE_NULL:
                return new YamlNode.Scalar(line, "", YamlNode.Scalar.Type.NULL);
            default:
                throw new ScenarioException(source + " line " + line + ": unsupported YAML content (" + t + ")");
        }
    }

    /** Tags that only say what the plain value already is: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq. */
    private static final Set<String> STANDARD_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq").stream()
            .map(t -> YAML_TAG + t).collect(Collectors.toUnmodifiableSet());

    private static String shortTag(String tag) {
        return tag.startsWith(YAML_TAG) ? "!!" + tag.substring(YAML_TAG.length()) : "!" + tag;
    }

    private static int line(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return loc == null ? 0 : loc.getLineNr();
    }

    /**
     * What is wrong with malformed YAML, on one line and at the line where SnakeYAML found it:
     * {@code " line 7: not valid YAML: expected ',' or '}', but got ':' (column 8; while parsing a
     * flow mapping from line 6)"}. SnakeYAML's own message spans several lines with a quoted
     * excerpt, and Jackson's location is that of the last good token, often a line too early.
     */
    static String syntaxError(Throwable e, String text) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m) {
                Mark at = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
                String problem = m.getProblem() != null ? m.getProblem() : m.getContext();
                StringBuilder b = new StringBuilder();
                if (at != null) {
                    b.append(" line ").append(at.getLine() + 1);
                }
                b.append(": not valid YAML: ").append(plain(problem));
                List<String> detail = new ArrayList<>();
                if (at != null) {
                    detail.add("column " + (at.getColumn() + 1));
                }
                if (m.getProblem() != null && m.getContext() != null) {
                    Mark from = m.getContextMark();
                    detail.add(plain(m.getContext()) + (from != null && from != at ? " from line " + (from.getLine() + 1) : ""));
                }
                return detail.isEmpty() ? b.toString() : b.append(" (").append(String.join("; ", detail)).append(')').toString();
            }
            if (c instanceof ReaderException r) {
                int line = lineAt(text, r.getPosition());
                return " line " + line + ": not valid YAML: character U+" + String.format(Locale.ROOT, "%04X", r.getCodePoint())
                        + " is not allowed in YAML text";
            }
        }
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        JsonLocation loc = e instanceof JsonProcessingException j ? j.getLocation() : null;
        String where = loc != null && loc.getLineNr() > 0 ? " line " + loc.getLineNr() : "";
        if (message != null && message.startsWith("Expected a field name")) {
            message = "a key must be a plain name, not a list, a mapping or an alias";
        } else if (message != null && message.contains("failed to tokenize")) {
            // SnakeYAML's scanner throws NumberFormatException for a short unicode escape (backslash, u, 12); Jackson names it.
            message = "a malformed escape in a quoted string (\\u needs 4 hexadecimal digits, \\x 2, \\U 8)";
        }
        return where + ": not valid YAML: " + (message == null ? "unreadable input" : plain(message));
    }

    /** One line of text from a parser message: tabs named, other control characters escaped, at most 300 characters. */
    private static String plain(String s) {
        String t = s.contains("(TAB)") ? "a tab character where YAML expects spaces (YAML indents with spaces only)" : s;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.length() && b.length() < 300; i++) {
            char ch = t.charAt(i);
            if (ch == '\n' || ch == '\r') {
                b.append(' ');
            } else if (ch < 0x20 || ch == 0x7f || ch == 0x85 || ch == 0x2028 || ch == 0x2029) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString().strip();
    }

    /** The 1-based line of a code-point position in the text. */
    private static int lineAt(String text, int codePoint) {
        int line = 1;
        int cp = 0;
        for (int i = 0; i < text.length() && cp < codePoint; i += Character.charCount(text.codePointAt(i)), cp++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
