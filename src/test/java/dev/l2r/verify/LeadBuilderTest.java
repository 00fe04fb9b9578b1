package dev.l2r.verify;

import static dev.l2r.verify.LeadBuilder.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.l2r.facts.Lead;
import dev.l2r.ingest.LeadParser;
import dev.l2r.ingest.LeadResult;
import dev.l2r.ingest.Rows;
import dev.l2r.model.FieldType;
import dev.l2r.model.LeadField;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lead a test builds in memory is the lead the command line reads from the same builder's leads.csv row. */
class LeadBuilderTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Map<String, FieldType> FIELDS =
            Map.of("employees", FieldType.NUMBER, "segment", FieldType.TEXT, "renewal_at", FieldType.TIMESTAMP);

    @TempDir
    Path tmp;

    @Test
    void everyColumnInMemoryEqualsTheCsvRowAsTheReaderParsesIt() throws Exception {
        LeadBuilder b = lead("L1")
                .created("2026-10-01T08:00")
                .source("web")
                .channel("partner")
                .campaign("Q4, \"launch\"")
                .team("sales")
                .owner("Ann")
                .score(59.5)
                .company("Acme")
                .title("CTO")
                .email("a@acme.test")
                .country("US")
                .inquiry("2026-10-01T08:30")
                .mql("2026-10-01T09:00-04:00")
                .autoResponse("2026-10-01T09:01")
                .firstTouch("2026-10-01T13:05Z")
                .sal("2026-10-02T10:00")
                .rejected("2026-10-03T10:00")
                .rejectionReason("no-need")
                .sqo("2026-10-04T10:00")
                .opportunityId("O-1")
                .amount(1500)
                .closed("2026-10-20T10:00")
                .outcome("WON")
                .field("employees", 200)
                .field("segment", "mid")
                .timeField("renewal_at", "2027-01-01T00:00");
        Path file = tmp.resolve("leads.csv");
        Files.writeString(file, LeadBuilder.csv(b));
        LeadParser parser = new LeadParser(NEW_YORK, FIELDS);
        List<Object> read = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        Rows.read(file, (names, values, line, problem) -> {
            read.add(problem != null ? problem : parser.parse(names, values, line));
            columns.add(names.size());
        });
        assertEquals(1, read.size());
        assertEquals(LeadResult.Accepted.class, read.get(0).getClass(), String.valueOf(read.get(0)));
        Lead built = b.build(NEW_YORK, FIELDS);
        assertEquals(properties(((LeadResult.Accepted) read.get(0)).lead()), properties(built));
        assertEquals(List.of(LeadField.values().length + 3), columns, "every canonical column and the extra ones");
        assertEquals(Double.valueOf(200), built.number("employees"));
        assertEquals("won", built.getOutcome());
    }

    @Test
    void anUnsetColumnIsEmptyInTheRowAndNullInTheFact() {
        LeadBuilder b =
                lead("L2").created("2026-10-01T08:00").mql("2026-10-01T09:00").mql(null);
        assertEquals("L2,2026-10-01T08:00" + ",".repeat(LeadField.values().length - 2), b.row());
        assertEquals(null, b.build(NEW_YORK).getMqlAt());
    }

    @Test
    void aLeadWithoutCreatedAtOrWithABadTimeIsATestMistake() {
        assertThrows(IllegalStateException.class, () -> lead("L3").build(NEW_YORK));
        assertThrows(
                IllegalArgumentException.class,
                () -> lead("L4").created("Oct 1").build(NEW_YORK));
        assertThrows(IllegalArgumentException.class, () -> lead("L5").set("mql", "2026-10-01T09:00"));
        assertThrows(
                IllegalArgumentException.class,
                () -> lead("L6")
                        .created("2026-10-01T08:00")
                        .field("employees", "many")
                        .build(NEW_YORK, FIELDS));
    }

    private static Map<String, Object> properties(Lead l) throws Exception {
        Map<String, Object> out = new TreeMap<>();
        for (PropertyDescriptor p :
                Introspector.getBeanInfo(Lead.class, Object.class).getPropertyDescriptors()) {
            if (p.getReadMethod() != null)
                out.put(p.getName(), p.getReadMethod().invoke(l));
        }
        out.put("extras", new TreeMap<>(l.extras()));
        return out;
    }
}
