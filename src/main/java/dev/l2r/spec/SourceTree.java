package dev.l2r.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.l2r.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML or JSON document read as a tree, with the line of every node, so that validation can name
 * the line of the field it complains about.
 */
public final class SourceTree {

    private final String file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private SourceTree(String file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /** Reads a .yaml/.yml or .json file; anything else is read as YAML (a superset of JSON). */
    public static SourceTree read(Path path) {
        String file = path.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InputError(InputError.at(file, 0, null, "no such file"));
        } catch (IOException e) {
            throw new InputError(InputError.at(file, 0, null, "cannot read: " + e.getMessage()));
        }
        boolean json = file.endsWith(".json");
        ObjectMapper mapper = json ? JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build()
                : YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        JsonFactory factory = mapper.getFactory();
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = factory.createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) continue;
                var ctx = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
                lines.putIfAbsent(ctx.pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
            }
        } catch (JsonParseException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputError(InputError.at(file, line, null, "not valid " + (json ? "JSON" : "YAML") + ": "
                    + InputError.firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InputError(InputError.at(file, 0, null, "cannot read: " + InputError.firstLine(e.getMessage())));
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (IOException e) {
            throw new InputError(InputError.at(file, 0, null, "not valid " + (json ? "JSON" : "YAML") + ": " + InputError.firstLine(e.getMessage())));
        }
        if (root == null || root.isMissingNode()) root = mapper.createObjectNode();
        return new SourceTree(file, root, lines);
    }

    public String file() { return file; }

    public JsonNode root() { return root; }

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
