package dev.l2r.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.l2r.InputError;
import dev.l2r.model.Clause;
import dev.l2r.model.LeadField;
import dev.l2r.model.PeriodKind;
import dev.l2r.model.Severity;
import dev.l2r.model.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps schema/agreement.schema.json and the parser in step: the shipped agreements pass both; the keys
 * of every section are the same on both sides (the parser's from {@link AgreementKeys}, the closed lists
 * from the model's enums); and values that one refuses, the other refuses too.
 */
class AgreementSchemaTest {

    static final Path SCHEMA_FILE = Path.of("schema/agreement.schema.json");
    static final String SCHEMA_LINE = "# yaml-language-server: $schema=../schema/agreement.schema.json";

    static final JsonNode SCHEMA_TREE = read(SCHEMA_FILE);
    static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SCHEMA_TREE);

    @TempDir
    Path tmp;

    private static JsonNode read(Path p) {
        try {
            return p.toString().endsWith(".json")
                    ? new ObjectMapper().readTree(p.toFile())
                    : new YAMLMapper().readTree(p.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(p + ": " + e.getMessage(), e);
        }
    }

    private static List<String> schemaErrors(JsonNode doc) {
        return SCHEMA.validate(doc).stream().map(Error::toString).toList();
    }

    static Stream<Path> agreements() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("sla-templates"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
        }
        out.add(Path.of("src/test/resources/golden/in-spec-example.yaml"));
        return out.stream();
    }

    // ---- (a) the shipped agreements pass both ----

    @ParameterizedTest
    @MethodSource("agreements")
    void shippedAgreementsPassTheSchemaAndTheParser(Path p) {
        assertEquals(List.of(), schemaErrors(read(p)), p + " against the schema");
        assertNotNull(AgreementParser.load(p), p + " through the parser");
    }

    @Test
    void everyTemplateNamesTheSchemaOnItsFirstLine() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("sla-templates"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                assertEquals(SCHEMA_LINE, Files.readAllLines(p).get(0), p.toString());
            }
        }
        assertTrue(Files.exists(Path.of("sla-templates").resolve("../schema/agreement.schema.json")));
    }

    // ---- (b) the same keys on both sides ----

    private static JsonNode def(String name) {
        return SCHEMA_TREE.path("$defs").path(name);
    }

    private static List<String> keys(JsonNode properties) {
        assertTrue(properties.isObject(), "expected a properties object, found " + properties);
        List<String> out = new ArrayList<>();
        properties.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        assertTrue(array.isArray(), "expected an array, found " + array);
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** A section that the parser closes (unknown keys are problems) is closed in the schema too. */
    private static void closed(JsonNode section, String name) {
        assertFalse(
                section.path("additionalProperties").asBoolean(true), name + ": additionalProperties must be false");
    }

    @Test
    void topLevelKeysAreTheParsers() {
        assertEquals(AgreementKeys.TOP, keys(SCHEMA_TREE.path("properties")));
        closed(SCHEMA_TREE, "agreement");
    }

    @Test
    void calendarTeamAndDataQualityKeysAreTheParsers() {
        JsonNode calendar = SCHEMA_TREE.path("properties").path("calendar");
        assertEquals(AgreementKeys.CALENDAR, keys(calendar.path("properties")));
        closed(calendar, "calendar");
        JsonNode team = SCHEMA_TREE.path("properties").path("teams").path("additionalProperties");
        assertEquals(AgreementKeys.TEAM, keys(team.path("properties")));
        closed(team, "teams.NAME");
        JsonNode dq = SCHEMA_TREE.path("properties").path("data_quality");
        assertEquals(AgreementKeys.DATA_QUALITY, keys(dq.path("properties")));
        closed(dq, "data_quality");
    }

    @Test
    void declaredFieldsAreExtraColumnsOfTheParsersTypes() {
        JsonNode fields = SCHEMA_TREE.path("properties").path("fields");
        assertEquals(
                AgreementKeys.FIELD_TYPES,
                texts(fields.path("additionalProperties").path("enum")));
        assertEquals(
                Arrays.stream(LeadField.values()).map(LeadField::column).toList(),
                texts(fields.path("propertyNames").path("not").path("enum")),
                "canonical fields cannot be declared");
    }

    @Test
    void clauseKeysAreTheParsersForEveryType() {
        JsonNode clause = def("clause");
        closed(clause, "clause");
        Set<String> all = new LinkedHashSet<>(AgreementKeys.CLAUSE_COMMON);
        AgreementKeys.CLAUSE_BY_TYPE.values().forEach(all::addAll);
        assertEquals(all, new LinkedHashSet<>(keys(clause.path("properties"))));
        assertEquals(
                AgreementKeys.CLAUSE_TYPES,
                texts(clause.path("properties").path("type").path("enum")));
        assertEquals(
                Arrays.stream(Clause.Per.values())
                        .filter(p -> p != Clause.Per.ALL)
                        .map(p -> p.name().toLowerCase(Locale.ROOT))
                        .toList(),
                texts(clause.path("properties").path("per").path("enum")));

        Set<String> typesSeen = new LinkedHashSet<>();
        for (JsonNode branch : clause.path("allOf")) {
            String type = branch.path("if")
                    .path("properties")
                    .path("type")
                    .path("const")
                    .asText();
            List<String> expected = new ArrayList<>(AgreementKeys.CLAUSE_COMMON);
            List<String> own = AgreementKeys.CLAUSE_BY_TYPE.get(type);
            assertNotNull(
                    own, "the schema has a branch for clause type \"" + type + "\", which the parser does not know");
            expected.addAll(own);
            assertEquals(
                    expected,
                    texts(branch.path("then").path("propertyNames").path("enum")),
                    "keys of a " + type + " clause");
            typesSeen.add(type);
        }
        assertEquals(new LinkedHashSet<>(AgreementKeys.CLAUSE_TYPES), typesSeen, "a schema branch per clause type");
    }

    @Test
    void closedListsAreTheModels() {
        assertEquals(
                Arrays.stream(PeriodKind.values()).map(PeriodKind::key).toList(),
                texts(SCHEMA_TREE.path("properties").path("period").path("enum")));
        assertEquals(
                Arrays.stream(Severity.values()).map(Severity::key).toList(),
                texts(def("clause").path("properties").path("severity").path("enum")));
        assertEquals(
                Arrays.stream(Stage.values()).map(Stage::key).toList(),
                texts(def("stage").path("enum")));
    }

    @Test
    void everySchemaPropertyHasADescription() {
        List<String> missing = new ArrayList<>();
        describe(SCHEMA_TREE, "", missing);
        assertEquals(List.of(), missing, "properties without a description (editors show it as the tooltip)");
    }

    private static void describe(JsonNode node, String path, List<String> missing) {
        if (node.isObject()) {
            JsonNode props = node.get("properties");
            if (props != null && props.isObject()) {
                for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!props.get(k).has("description")) missing.add(path + "/" + k);
                }
            }
            // if/then/not only constrain properties described elsewhere
            node.fields().forEachRemaining(e -> {
                if (!Set.of("if", "then", "else", "not").contains(e.getKey()))
                    describe(e.getValue(), path + "/" + e.getKey(), missing);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) describe(node.get(i), path + "/" + i, missing);
        }
    }

    // ---- (c) what one refuses, the other refuses ----

    static final String BASE = """
            sla: demo
            period: month
            timezone: Europe/London
            calendar:
              hours: { mon-fri: "HOURS" }
            teams:
              sdr: { owner: "SDR Manager" }
            fields:
              employees: number
            clauses:
              - id: F1
                type: followup
                from: mql
                to: first_touch
                within: WITHIN
                where: ["WHERE"]
                owner: sdr
              - id: T1
                type: target
                metric: METRIC
                min: 10
                owner: sdr
            """;

    private static String agreement(String hours, String within, String where, String metric) {
        return BASE.replace("HOURS", hours)
                .replace("WITHIN", within)
                .replace("WHERE", where)
                .replace("METRIC", metric);
    }

    private static final String H = "09:00-17:00";
    private static final String W = "8 business hours";
    private static final String C = "score >= 60";
    private static final String M = "count(mql)";

    static Stream<Arguments> values() {
        return Stream.of(
                // metric grammar
                Arguments.of(agreement(H, W, C, M), true),
                Arguments.of(agreement(H, W, C, "count( sal )"), true),
                Arguments.of(agreement(H, W, C, "conversion(mql, sal)"), true),
                Arguments.of(agreement(H, W, C, "cycle_days(sqo,won)"), true),
                Arguments.of(agreement(H, W, C, "win_rate"), true),
                Arguments.of(agreement(H, W, C, "metric(partner_enablement_sessions)"), true),
                Arguments.of(agreement(H, W, C, "cost_per(mql)"), true),
                Arguments.of(agreement(H, W, C, "winrate"), false),
                Arguments.of(agreement(H, W, C, "count(deal)"), false),
                Arguments.of(agreement(H, W, C, "conversion(mql)"), false),
                Arguments.of(agreement(H, W, C, "metric(Quota)"), false),
                Arguments.of(agreement(H, W, C, "win_rate()"), false),
                // durations
                Arguments.of(agreement(H, "1 hour", C, M), true),
                Arguments.of(agreement(H, "5 minutes", C, M), true),
                Arguments.of(agreement(H, "2 business days", C, M), true),
                Arguments.of(agreement(H, "8 buisness hours", C, M), false),
                Arguments.of(agreement(H, "0 hours", C, M), false),
                Arguments.of(agreement(H, "8hours", C, M), false),
                Arguments.of(agreement(H, "1 week", C, M), false),
                // hours
                Arguments.of(agreement("08:00-12:00, 13:00-18:00", W, C, M), true),
                Arguments.of(agreement("00:00-24:00", W, C, M), true),
                Arguments.of(agreement("9:00-17:00", W, C, M), false),
                Arguments.of(agreement("09:00-25:00", W, C, M), false),
                Arguments.of(agreement("09:00 to 17:00", W, C, M), false),
                // conditions
                Arguments.of(agreement(H, W, "company is present", M), true),
                Arguments.of(agreement(H, W, "channel in [web, 'partner, direct']", M), true),
                Arguments.of(agreement(H, W, "employees>=500", M), true),
                Arguments.of(agreement(H, W, "channel in web", M), false),
                Arguments.of(agreement(H, W, "score >=", M), false),
                Arguments.of(agreement(H, W, "score 60", M), false),
                Arguments.of(agreement(H, W, "score ~ 60", M), false),
                Arguments.of(agreement(H, W, "score <60", M), true),
                Arguments.of(agreement(H, W, "score =", M), false));
    }

    @ParameterizedTest
    @MethodSource("values")
    void schemaAndParserAgreeOnValues(String yaml, boolean valid) throws IOException {
        agree(yaml, valid);
    }

    static Stream<Arguments> invalid() {
        String ok = agreement(H, W, C, M);
        return Stream.of(
                Arguments.of("unknown top-level key", ok.replace("period: month", "period: month\nowner: sales")),
                Arguments.of("unknown calendar key", ok.replace("calendar:\n", "calendar:\n  zone: UTC\n")),
                Arguments.of(
                        "unknown team key",
                        ok.replace("{ owner: \"SDR Manager\" }", "{ owner: \"SDR Manager\", lead: Ann }")),
                Arguments.of("unknown data_quality key", ok + "data_quality: { skip: [DQ-WON-WITHOUT-AMOUNT] }\n"),
                Arguments.of("a key of another clause type", ok.replace("min: 10", "min: 10\n    within: 2 days")),
                Arguments.of(
                        "misspelt clause key",
                        ok.replace("owner: sdr\n  - id: T1", "owner: sdr\n    serverity: major\n  - id: T1")),
                Arguments.of("wrong period", ok.replace("period: month", "period: fortnight")),
                Arguments.of("wrong severity", ok.replace("min: 10", "min: 10\n    severity: high")),
                Arguments.of("wrong clause type", ok.replace("type: target", "type: goal")),
                Arguments.of("wrong stage", ok.replace("from: mql", "from: lead")),
                Arguments.of("wrong per", ok.replace("min: 10", "min: 10\n    per: region")),
                Arguments.of("wrong field type", ok.replace("employees: number", "employees: integer")),
                Arguments.of(
                        "canonical field declared",
                        ok.replace("employees: number", "employees: number\n  score: number")),
                Arguments.of("target without metric", ok.replace("    metric: count(mql)\n", "")),
                Arguments.of("target without min or max", ok.replace("    min: 10\n", "")),
                Arguments.of("followup without within", ok.replace("    within: 8 business hours\n", "")),
                Arguments.of("clause without owner", ok.replace("    min: 10\n    owner: sdr\n", "    min: 10\n")),
                Arguments.of("bad agreement id", ok.replace("sla: demo", "sla: Demo SLA")),
                Arguments.of("bad clause id", ok.replace("id: T1", "id: -T1")),
                Arguments.of("bad zone", ok.replace("Europe/London", "EST")),
                Arguments.of("currency in lower case", ok.replace("period: month", "period: month\ncurrency: usd")),
                Arguments.of("currency as a name", ok.replace("period: month", "period: month\ncurrency: US Dollar")),
                Arguments.of("bad day", ok.replace("mon-fri", "weekdays")),
                Arguments.of(
                        "warn_at above 1",
                        ok.replace("owner: sdr\n  - id: T1", "owner: sdr\n    warn_at: 1.5\n  - id: T1")),
                Arguments.of("map of bounds without per", ok.replace("min: 10", "min: { sdr: 10 }")),
                Arguments.of(
                        "lead.team on a target without per",
                        ok.replace("min: 10\n    owner: sdr", "min: 10\n    owner: lead.team")),
                Arguments.of("no teams", ok.replace("teams:\n  sdr: { owner: \"SDR Manager\" }\n", "")),
                Arguments.of("no clauses", ok.substring(0, ok.indexOf("clauses:")) + "clauses: []\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidAgreementsAreRefusedByBoth(String what, String yaml) throws IOException {
        agree(yaml, false);
    }

    private void agree(String yaml, boolean valid) throws IOException {
        Path p = Files.writeString(tmp.resolve("sla.yaml"), yaml);
        List<String> schema = schemaErrors(new YAMLMapper().readTree(yaml));
        String parser;
        try {
            AgreementParser.load(p);
            parser = null;
        } catch (InputError e) {
            parser = e.getMessage();
        }
        if (valid) {
            assertEquals(List.of(), schema, "the schema refuses what the parser should accept:\n" + yaml);
            if (parser != null) fail("the parser refuses: " + parser + "\n" + yaml);
        } else {
            assertFalse(schema.isEmpty(), "the schema accepts what the parser should refuse:\n" + yaml);
            if (parser == null) fail("the parser accepts what it should refuse:\n" + yaml);
        }
    }

    @Test
    void theKeyListsAreReadOnly() {
        // the parser and this test share these lists; nobody may change them at run time
        assertThrows(UnsupportedOperationException.class, () -> AgreementKeys.TOP.add("x"));
        assertThrows(UnsupportedOperationException.class, () -> AgreementKeys.CLAUSE_BY_TYPE.put("x", List.of()));
    }
}
