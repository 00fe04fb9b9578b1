package dev.l2r.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.l2r.InputError;
import dev.l2r.ParserLimits;
import dev.l2r.TextCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML or JSON document read as a tree, with the line of every node, so that validation can name
 * the line of the field it complains about. Only a regular file is read, and at most
 * {@link #MAX_FILE_BYTES} of it; a file is one document, and numbers are finite.
 */
public final class SourceTree {

    /** Bytes of an agreement or profile file; reading stops here. */
    public static final int MAX_FILE_BYTES = 3 * 1024 * 1024;

    /** YAML's not-a-number and infinities, which are no number an agreement can mean. */
    private static final Pattern NON_FINITE = Pattern.compile("[-+]?\\.(?:nan|NaN|NAN|inf|Inf|INF)");

    /**
     * Whole numbers that YAML 1.1 (l2r's YAML reader) and YAML 1.2 (editors checking against the schema) read
     * differently: a leading zero is base 8 to one (017 is 15) and base 10 or text to the other; 0x and 0b are
     * base 16 and base 2 to one and text to the other.
     */
    private static final Pattern OTHER_BASE = Pattern.compile("([-+]?)(0[0-9_]+|0[xX][0-9a-fA-F_]+|0[bB][01_]+)");

    private final String file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    /** The text of each number as the file writes it, by JSON pointer (2026.10 where the tree holds 2026.1). */
    private final Map<String, String> numbers;

    private SourceTree(String file, JsonNode root, Map<String, Integer> lines, Map<String, String> numbers) {
        this.file = file;
        this.root = root;
        this.lines = lines;
        this.numbers = numbers;
    }

    /** Reads a .yaml/.yml or .json file; anything else is read as YAML (a superset of JSON). */
    public static SourceTree read(Path path) {
        String file = path.toString();
        byte[] bytes = readBounded(path, file);
        String notText = TextCheck.problem(
                file, bytes, true); // YAML and JSON allow no control characters but tab and line breaks
        if (notText != null) throw new InputError(notText);
        if (bom(bytes, 0) && bom(bytes, 3)) { // the second would be read as a character of the first key
            throw new InputError(InputError.at(
                    file,
                    1,
                    null,
                    "starts with two byte-order marks; save the file as UTF-8 (with one byte-order mark or none)"));
        }
        boolean json = file.endsWith(".json");
        ObjectMapper mapper = json
                ? JsonMapper.builder()
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .build()
                : YAMLMapper.builder()
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .build();
        JsonFactory factory = mapper.getFactory();
        Map<String, Integer> lines = new HashMap<>();
        Map<String, String> numbers = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int lastLine = 0; // of the last token read: where a value over the parser's limits is
        try (JsonParser p = factory.createParser(bytes)) {
            JsonToken t;
            int roots = 0;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) continue;
                var ctx = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
                int line = p.currentTokenLocation().getLineNr();
                lastLine = line;
                if (ctx.inRoot()) {
                    // an empty document after the first (a trailing "---") holds nothing; any other is content
                    // that reading the first document alone would drop silently
                    boolean empty = t == JsonToken.VALUE_NULL && p.getText().isEmpty();
                    if (roots++ > 0 && !empty) {
                        problems.add(
                                InputError.at(
                                        file,
                                        line,
                                        null,
                                        json
                                                ? "a second JSON value starts here; an agreement is one JSON object"
                                                : "a second YAML document starts here; an agreement is one document (remove the '---' before it, or put it in its own file)"));
                        break;
                    }
                }
                if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                    // Jackson reads an alias as the anchor's name, not as the value it stands for: refuse it
                    // rather than read "*owner" as the text "owner" (and an undefined one would pass unnoticed)
                    problems.add(InputError.at(
                            file,
                            line,
                            display(ctx),
                            "*" + p.getText() + " is a YAML alias; l2r does not expand aliases, write the value out"));
                    break;
                }
                if (t == JsonToken.VALUE_NUMBER_FLOAT
                        && NON_FINITE.matcher(p.getText()).matches()) {
                    problems.add(InputError.at(
                            file, line, display(ctx), p.getText() + " is not a finite number; write a decimal number"));
                }
                if (t.isNumeric()) {
                    String text = p.getText();
                    Matcher other = json ? null : OTHER_BASE.matcher(text);
                    if (other != null && other.matches()) {
                        problems.add(
                                InputError.at(file, line, display(ctx), otherBase(text, other, p.getNumberValue())));
                    }
                    numbers.putIfAbsent(ctx.pathAsPointer().toString(), text);
                }
                lines.putIfAbsent(ctx.pathAsPointer().toString(), line);
            }
        } catch (StreamConstraintsException e) {
            int line = e.getLocation() == null || e.getLocation().getLineNr() <= 0
                    ? lastLine
                    : e.getLocation().getLineNr();
            throw new InputError(InputError.at(
                    file,
                    line,
                    null,
                    "cannot be read past this line: " + ParserLimits.describe(e, factory.streamReadConstraints())
                            + "; an agreement is a few levels deep"));
        } catch (JsonParseException e) {
            if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
                int line = y.getProblemMark().getLine() + 1;
                String unclosed = unclosed(y);
                if (unclosed != null)
                    line = y.getContextMark().getLine() + 1; // where it opens, not the end of the file
                throw new InputError(InputError.at(
                        file, line, null, "not valid YAML: " + (unclosed != null ? unclosed : yamlProblem(y))));
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputError(InputError.at(
                    file,
                    line,
                    null,
                    "not valid " + (json ? "JSON" : "YAML") + ": " + InputError.firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InputError(InputError.at(file, 0, null, "cannot read: " + InputError.firstLine(e.getMessage())));
        }
        if (!problems.isEmpty()) throw new InputError(problems);
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (IOException e) {
            throw new InputError(InputError.at(
                    file,
                    0,
                    null,
                    "not valid " + (json ? "JSON" : "YAML") + ": " + InputError.firstLine(e.getMessage())));
        }
        if (root == null || root.isMissingNode()) root = mapper.createObjectNode();
        return new SourceTree(file, root, lines, numbers);
    }

    /** Why a number written in another base, or with a leading zero, is refused, and what to write instead. */
    private static String otherBase(String text, Matcher m, Number read) {
        String digits = m.group(2);
        char second = digits.charAt(1);
        if (Character.isDigit(second) || second == '_') {
            String decimal =
                    m.group(1).replace("+", "") + digits.replace("_", "").replaceFirst("^0+(?=.)", "");
            return text + " has a leading zero, which YAML reads as base 8 (" + read + ") and editors as " + decimal
                    + "; write " + decimal + " without it, or quote it (\"" + text + "\") if it is text";
        }
        return text + " is written in base " + (Character.toLowerCase(second) == 'x' ? 16 : 2)
                + ", which editors read as text; write it in decimal (" + read + "), or quote it if it is text";
    }

    /** True when the UTF-8 byte-order mark (EF BB BF) starts at {@code at}. */
    private static boolean bom(byte[] bytes, int at) {
        return bytes.length >= at + 3
                && (bytes[at] & 0xff) == 0xEF
                && (bytes[at + 1] & 0xff) == 0xBB
                && (bytes[at + 2] & 0xff) == 0xBF;
    }

    /**
     * The bytes of a regular file, at most {@link #MAX_FILE_BYTES}. A folder, device or FIFO is refused
     * before it is opened (a FIFO would block, /dev/zero never ends), and reading stops at the limit.
     */
    static byte[] readBounded(Path path, String file) {
        if (!Files.exists(path)) throw new InputError(InputError.at(file, 0, null, "no such file"));
        if (Files.isDirectory(path))
            throw new InputError(InputError.at(file, 0, null, "is a folder, not a YAML or JSON file"));
        if (!Files.isRegularFile(path)) {
            throw new InputError(InputError.at(
                    file, 0, null, "is not a regular file (a device, FIFO or socket); give a YAML or JSON file"));
        }
        String tooLarge =
                "larger than " + (MAX_FILE_BYTES >> 20) + " MB (" + String.format(Locale.ROOT, "%,d", MAX_FILE_BYTES)
                        + " bytes), the limit for an agreement or profile file";
        try {
            if (Files.size(path) > MAX_FILE_BYTES) throw new InputError(InputError.at(file, 0, null, tooLarge));
            try (InputStream in = Files.newInputStream(path)) {
                byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1); // the file may have grown since
                if (bytes.length > MAX_FILE_BYTES) throw new InputError(InputError.at(file, 0, null, tooLarge));
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new InputError(InputError.at(file, 0, null, "no such file"));
        } catch (IOException e) {
            throw new InputError(InputError.at(file, 0, null, "cannot read: " + InputError.firstLine(e.getMessage())));
        }
    }

    /**
     * What SnakeYAML found wrong, said as the problem (not the construct it was reading, which is its
     * context and may start lines earlier), with that context's line when it helps to find the start.
     */
    /** "a '[' opened here is never closed" when the parser met the end of the file inside a construct, else null. */
    static String unclosed(MarkedYAMLException y) {
        String problem = String.valueOf(y.getProblem());
        String context = String.valueOf(y.getContext());
        if (y.getContextMark() == null) return null;
        int at = y.getProblemMark().getLine() + 1;
        if (context.contains("flow sequence")
                && problem.startsWith("expected ',' or ']'")
                && !problem.contains("<stream end>")) {
            return "a '[' opened here is not closed; line " + at + " is reached without a ']'";
        }
        if (context.contains("flow mapping")
                && problem.startsWith("expected ',' or '}'")
                && !problem.contains("<stream end>")) {
            return "a '{' opened here is not closed; line " + at + " is reached without a '}'";
        }
        if (!(problem.contains("<stream end>") || problem.contains("end of stream"))) return null;
        if (context.contains("flow sequence")) return "a '[' opened here is never closed";
        if (context.contains("flow mapping")) return "a '{' opened here is never closed";
        if (context.contains("quoted scalar")) return "a quote opened here is never closed";
        return null;
    }

    static String yamlProblem(MarkedYAMLException y) {
        String problem = InputError.flatten(y.getProblem());
        if (problem.contains("\\t(TAB)") || problem.contains("\t(TAB)")) return "a tab character; indent with spaces";
        if (problem.startsWith("expected <block end>")) {
            return "text that does not fit the structure here; check this line's indentation, and for a quote left open on a line before";
        }
        if (problem.startsWith("mapping values are not allowed here")) {
            return "a ': ' where no key can start; quote a value that holds ': ', or fix the indentation";
        }
        problem = problem.replaceAll("\\s*\\(?\\s*Do not use .*$", "").replaceAll("\\.$", "");
        String context = y.getContext();
        if (context == null || context.isBlank()) return problem;
        var cm = y.getContextMark();
        int here = y.getProblemMark().getLine();
        return problem + " (" + InputError.flatten(context)
                + (cm != null && cm.getLine() != here ? " started at line " + (cm.getLine() + 1) : "") + ")";
    }

    /** The readable path of a parsing context: {@code clauses[2].min}. */
    private static String display(JsonStreamContext ctx) {
        StringBuilder b = new StringBuilder();
        for (var c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            String part = c.inArray()
                    ? "[" + c.getCurrentIndex() + "]"
                    : (c.getCurrentName() == null ? "" : "." + c.getCurrentName());
            b.insert(0, part);
        }
        return b.length() > 0 && b.charAt(0) == '.' ? b.substring(1) : b.toString();
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** The number at a JSON pointer as the file writes it (for a number taken as text), or null. */
    public String numberText(String pointer) {
        return numbers.get(pointer);
    }

    /** Line of the node at a JSON pointer, or of its nearest ancestor that has one; 0 if none. */
    public int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) return l;
            if (p.isEmpty()) return 0;
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
