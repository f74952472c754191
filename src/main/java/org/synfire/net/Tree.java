package org.synfire.net;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML or JSON document as a tree that remembers the line and column of every key and value
 * (Jackson's own trees forget them). Both syntaxes give the same tree, so one schema reader serves both.
 */
final class Tree {
    private Tree() {}

    sealed interface Node permits MapNode, ListNode, Scalar {
        SourceMap.Pos pos();
    }

    record Entry(String key, SourceMap.Pos keyPos, Node value) {}

    record MapNode(SourceMap.Pos pos, Map<String, Entry> entries) implements Node {}

    record ListNode(SourceMap.Pos pos, List<Node> items) implements Node {}

    enum Kind { STRING, INT, FLOAT, BOOL, NULL }

    /** A scalar with its YAML/JSON type and source text (for INT, the exact decimal value). */
    record Scalar(SourceMap.Pos pos, Kind kind, String text) implements Node {}

    static String describe(Node n) {
        return switch (n) {
            case MapNode m -> "a mapping";
            case ListNode l -> "a list";
            case Scalar s -> switch (s.kind()) {
                case STRING -> "the text '" + abbreviate(s.text()) + "'";
                case INT -> "the integer " + abbreviate(s.text());
                case FLOAT -> "the number " + abbreviate(s.text());
                case BOOL -> "the boolean " + s.text();
                case NULL -> "nothing (null)";
            };
        };
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    /** Thrown for syntax errors; carries the position the parser reported. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final SourceMap.Pos pos;

        SyntaxError(String message, SourceMap.Pos pos) {
            super(message);
            this.pos = pos;
        }
    }

    private static final int MAX_DEPTH = 100;

    /** Parses one document; {@code json} selects strict JSON, otherwise YAML. Duplicate keys are reported in {@code problems}. */
    static Node parse(byte[] bytes, boolean json, Problems problems) throws SyntaxError {
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build();
        JsonFactory f = json ? JsonFactory.builder().streamReadConstraints(limits).build()
                : YAMLFactory.builder().streamReadConstraints(limits).build();
        try (JsonParser p = f.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new SyntaxError("the file is empty", new SourceMap.Pos(1, 1));
            Node root = read(p, t, "", problems, 0, new HashMap<>());
            JsonToken extra = p.nextToken();
            if (extra != null) throw new SyntaxError("only one document is allowed per file", pos(p.currentTokenLocation()));
            return root;
        } catch (JacksonException e) {
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) throw yamlError(m);
            JsonLocation loc = e.getLocation();
            throw new SyntaxError(oneLine(e.getOriginalMessage()), loc == null ? null : pos(loc));
        } catch (IOException e) {
            throw new SyntaxError("cannot read: " + e.getMessage(), null);
        } catch (RuntimeException e) {
            // SnakeYAML reports some malformed input with unchecked exceptions of its own
            throw new SyntaxError("malformed " + (json ? "JSON" : "YAML") + ": " + oneLine(String.valueOf(e.getMessage())), null);
        }
    }

    /**
     * Reads one node. YAML anchors ({@code &name}) and aliases ({@code *name}) are resolved here, and a
     * merge key ({@code <<: *name}) copies the entries the mapping does not set itself.
     */
    private static Node read(JsonParser p, JsonToken t, String path, Problems problems, int depth, Map<String, Node> anchors)
            throws IOException, SyntaxError {
        SourceMap.Pos pos = pos(p.currentTokenLocation());
        if (depth > MAX_DEPTH) throw new SyntaxError("nesting deeper than " + MAX_DEPTH + " levels", pos);
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            Node target = anchors.get(p.getText());
            if (target == null) throw new SyntaxError("alias *" + p.getText() + " refers to no anchor &" + p.getText() + " before it", pos);
            return target;
        }
        String anchor = p instanceof YAMLParser ? p.getObjectId() instanceof String s ? s : null : null;
        Node node = readValue(p, t, path, problems, depth, anchors, pos);
        if (anchor != null) anchors.put(anchor, node);
        return node;
    }

    private static Node readValue(JsonParser p, JsonToken t, String path, Problems problems, int depth, Map<String, Node> anchors,
                                  SourceMap.Pos pos) throws IOException, SyntaxError {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                List<Node> merges = new ArrayList<>();
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    SourceMap.Pos keyPos = pos(p.currentTokenLocation());
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    Node value = read(p, p.nextToken(), childPath, problems, depth + 1, anchors);
                    if (key.equals("<<") && p instanceof YAMLParser) {
                        merges.add(value);
                        continue;
                    }
                    Entry prev = entries.get(key);
                    if (prev != null) {
                        problems.addAt(childPath, keyPos, "duplicate key '" + key + "' (first given at line " + prev.keyPos().line() + ")");
                    } else {
                        entries.put(key, new Entry(key, keyPos, value));
                    }
                }
                if (t != JsonToken.END_OBJECT) throw new SyntaxError("unexpected " + t + " in a mapping", pos(p.currentTokenLocation()));
                for (Node m : merges) {
                    List<Node> sources = m instanceof ListNode l ? l.items() : List.of(m);
                    for (Node src : sources) {
                        if (!(src instanceof MapNode mm)) throw new SyntaxError("a merge key '<<' needs a mapping or a list of mappings", m.pos());
                        for (Entry e : mm.entries().values()) entries.putIfAbsent(e.key(), e);
                    }
                }
                return new MapNode(pos, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                int i = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) throw new SyntaxError("the file ends inside a list", pos);
                    items.add(read(p, t, path + "[" + i++ + "]", problems, depth + 1, anchors));
                }
                return new ListNode(pos, items);
            }
            case VALUE_STRING -> {
                return new Scalar(pos, Kind.STRING, p.getText());
            }
            case VALUE_NUMBER_INT -> {
                String text;
                try {
                    text = p.getBigIntegerValue().toString();
                } catch (JacksonException e) {
                    text = p.getText();
                }
                return new Scalar(pos, Kind.INT, text);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Scalar(pos, Kind.FLOAT, p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(pos, Kind.BOOL, t == JsonToken.VALUE_TRUE ? "true" : "false");
            }
            case VALUE_NULL -> {
                return new Scalar(pos, Kind.NULL, "null");
            }
            default -> throw new SyntaxError("unexpected " + t, pos);
        }
    }

    /**
     * SnakeYAML's own positions, which Jackson's location can miss by a line (a tab at the start of line 3 is reported at
     * the end of line 2). A flow collection or quoted text that is not closed is reported where it opens, since the
     * parser notices only on a later line.
     */
    static SyntaxError yamlError(MarkedYAMLException m) {
        SourceMap.Pos problem = pos(m.getProblemMark());
        String what = m.getProblem() == null ? "syntax error" : m.getProblem().strip();
        String context = m.getContext() == null ? null : m.getContext().strip();
        if (context != null && m.getContextMark() != null) {
            SourceMap.Pos open = pos(m.getContextMark());
            String opened = context.startsWith("while parsing a flow mapping") ? "the flow mapping '{'"
                    : context.startsWith("while parsing a flow sequence") ? "the flow sequence '['"
                    : context.startsWith("while scanning a quoted scalar") ? "the quoted text" : null;
            if (opened != null && problem.line() > open.line()) {
                return new SyntaxError(opened + " that starts here is not closed (at line " + problem.line() + ", column " + problem.column()
                        + ": " + what + ")", open);
            }
        }
        return new SyntaxError((context == null ? "" : context + "; ") + what, problem);
    }

    private static SourceMap.Pos pos(Mark m) {
        return new SourceMap.Pos(m.getLine() + 1, m.getColumn() + 1);
    }

    private static SourceMap.Pos pos(JsonLocation l) {
        return new SourceMap.Pos(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    /** A node as a Jackson tree, for readers of sections this package does not read itself; integers as int, long or big. */
    static com.fasterxml.jackson.databind.JsonNode toJson(Node n) {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        return switch (n) {
            case MapNode m -> {
                var o = f.objectNode();
                for (Entry e : m.entries().values()) o.set(e.key(), toJson(e.value()));
                yield o;
            }
            case ListNode l -> {
                var a = f.arrayNode(l.items().size());
                for (Node item : l.items()) a.add(toJson(item));
                yield a;
            }
            case Scalar s -> switch (s.kind()) {
                case STRING -> f.textNode(s.text());
                case INT -> {
                    java.math.BigInteger b = new java.math.BigInteger(s.text());
                    yield b.bitLength() < 32 ? f.numberNode(b.intValue()) : b.bitLength() < 64 ? f.numberNode(b.longValue()) : f.numberNode(b);
                }
                case FLOAT -> {
                    try {
                        yield f.numberNode(Double.parseDouble(s.text()));
                    } catch (NumberFormatException e) {
                        yield f.textNode(s.text()); // YAML's .inf and .nan spellings
                    }
                }
                case BOOL -> f.booleanNode(s.text().equals("true"));
                case NULL -> f.nullNode();
            };
        };
    }

    /** SnakeYAML messages span several lines with a quoted excerpt and a caret; keep the sentences. */
    static String oneLine(String message) {
        if (message == null) return "syntax error";
        List<String> parts = new ArrayList<>();
        for (String line : message.split("\n")) {
            if (line.isBlank() || line.startsWith(" ") || line.startsWith("\t")) continue;
            String s = line.strip();
            if (s.startsWith("at [Source")) continue;
            parts.add(s);
        }
        String joined = String.join("; ", parts);
        return joined.isEmpty() ? message.strip().replace('\n', ' ') : joined;
    }
}
