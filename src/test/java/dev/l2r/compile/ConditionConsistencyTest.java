package dev.l2r.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.facts.Lead;
import dev.l2r.facts.ValueSet;
import dev.l2r.model.Condition;
import dev.l2r.model.FieldRef;
import dev.l2r.model.FieldType;
import dev.l2r.model.LeadField;
import dev.l2r.model.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The DRL a condition compiles to must mean what the agreement format says, on every lead, including
 * missing values, numbers at the bound and custom fields: compared with {@link #holds}, the semantics written
 * out here in plain Java (a missing value satisfies only "is absent"; numbers compare as numbers).
 */
class ConditionConsistencyTest {

    private static final List<FieldRef> FIELDS = List.of(
            FieldRef.of(LeadField.CHANNEL),
            FieldRef.of(LeadField.SCORE),
            FieldRef.of(LeadField.AMOUNT),
            FieldRef.of(LeadField.MQL_AT),
            FieldRef.of(LeadField.TEAM),
            FieldRef.custom("segment", FieldType.TEXT),
            FieldRef.custom("employees", FieldType.NUMBER),
            FieldRef.custom("signed_at", FieldType.TIMESTAMP));
    private static final List<String> TEXTS = List.of("web", "partner", "Web", "a\"b", "");
    private static final List<Double> NUMBERS = List.of(0.0, 59.5, 60.0, 60.5, 100.0, -1.0);
    private static final List<Long> TIMES = List.of(1_790_000_000_000L, 1_790_000_000_001L, 1_791_000_000_000L);

    @Test
    void drlAndJavaAgreeOnRandomLeadsAndConditions() {
        Random r = new Random(7);
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < 160; i++) conditions.add(condition(r));
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 60; i++) leads.add(lead("L" + i, r));

        StringBuilder drl = new StringBuilder("package t;\nimport dev.l2r.facts.Lead;\nglobal java.util.List out;\n");
        for (int i = 0; i < conditions.size(); i++) {
            drl.append("rule \"c")
                    .append(i)
                    .append("\" when $l : Lead( ")
                    .append(ConditionDrl.constraint(conditions.get(i), ""))
                    .append(" ) then out.add(\"")
                    .append(i)
                    .append(" \" + $l.getLeadId()); end\n");
        }
        TreeSet<String> byDrl = new TreeSet<>(Drools.fire(drl.toString(), leads));
        TreeSet<String> byJava = new TreeSet<>();
        for (int i = 0; i < conditions.size(); i++) {
            for (Lead l : leads) if (holds(conditions.get(i), l)) byJava.add(i + " " + l.getLeadId());
        }
        assertEquals(byJava, byDrl);
        // the check is only meaningful when both outcomes occur often
        org.junit.jupiter.api.Assertions.assertTrue(
                byJava.size() > 1000 && byJava.size() < conditions.size() * leads.size() - 1000,
                "matches: " + byJava.size());
    }

    /** The documented meaning of a condition, independent of the DRL. */
    static boolean holds(Condition c, Lead lead) {
        Object v = lead.value(c.field());
        if (c.op() == Operator.PRESENT) return v != null;
        if (c.op() == Operator.ABSENT) return v == null;
        if (v == null) return false;
        return switch (c.op()) {
            case EQ -> compare(v, c.value()) == 0;
            case NE -> compare(v, c.value()) != 0;
            case LT -> compare(v, c.value()) < 0;
            case LE -> compare(v, c.value()) <= 0;
            case GT -> compare(v, c.value()) > 0;
            case GE -> compare(v, c.value()) >= 0;
            case IN -> c.values().stream().anyMatch(x -> compare(v, x) == 0);
            case NOT_IN -> c.values().stream().noneMatch(x -> compare(v, x) == 0);
            default -> throw new IllegalStateException();
        };
    }

    private static int compare(Object actual, Object expected) {
        if (expected instanceof BigDecimal n) return Double.compare((Double) actual + 0.0, n.doubleValue() + 0.0);
        if (expected instanceof Instant t) return Long.compare((Long) actual, t.toEpochMilli());
        return ((String) actual).compareTo((String) expected);
    }

    /**
     * Lists longer than {@link ValueSet#INLINE_MAX} compile to a value-set look-up: the same leads must match
     * as in Java, where numbers written 60, 60.0 or 6E+1 are one value and -0.0 equals 0. Half the lists hold
     * a value of the lead pool, so that both outcomes occur.
     */
    @Test
    void longListsLookedUpInValueSetsAgreeWithJava() {
        Random r = new Random(11);
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            FieldRef f = FIELDS.get(r.nextInt(FIELDS.size()));
            Operator op = r.nextBoolean() ? Operator.IN : Operator.NOT_IN;
            List<Object> values = new ArrayList<>();
            int n = ValueSet.INLINE_MAX + 1 + r.nextInt(300);
            for (int k = 0; k < n; k++) values.add(filler(f, k));
            for (int k = r.nextInt(3); k > 0; k--) values.add(r.nextInt(values.size()), value(f, r));
            if (f.type() == FieldType.NUMBER && r.nextBoolean())
                values.add(new BigDecimal(r.nextBoolean() ? "6E+1" : "-0.00"));
            conditions.add(
                    new Condition(f, op, values, f.name() + " " + op.symbol() + " [" + values.size() + " values]"));
        }
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Lead l = lead("L" + i, r);
            if (i % 10 == 0) { // -0.0 as a lead value
                Lead.Builder b = l.toBuilder();
                b.score = -0.0;
                b.extras.put("employees", -0.0);
                l = b.build();
            }
            leads.add(l);
        }
        StringBuilder drl = new StringBuilder(
                "package t;\nimport dev.l2r.facts.Lead;\nimport dev.l2r.facts.ValueSet;\nglobal java.util.List out;\n");
        List<Object> facts = new ArrayList<>(leads);
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            assertTrue(ConditionDrl.bySet(c));
            ConditionDrl.Sets sets = new ConditionDrl.Sets();
            String constraint = ConditionDrl.constraint(c, "", "c" + i, sets);
            assertEquals(1, sets.patterns().size());
            assertFalse(constraint.contains("filler"), "values never enter the DRL: " + constraint);
            drl.append("rule \"c")
                    .append(i)
                    .append("\" when ")
                    .append(sets.patterns().get(0))
                    .append(" $l : Lead( ")
                    .append(constraint)
                    .append(" ) then out.add(\"")
                    .append(i)
                    .append(" \" + $l.getLeadId()); end\n");
            facts.add(ValueSet.of("c" + i, c.values()));
        }
        TreeSet<String> byDrl = new TreeSet<>(Drools.fire(drl.toString(), facts));
        TreeSet<String> byJava = new TreeSet<>();
        TreeSet<String> byJavaInline = new TreeSet<>();
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            for (Lead l : leads) {
                if (holds(c, l)) byJava.add(i + " " + l.getLeadId());
                // the inline semantics, value by value, as for short lists
                Object v = l.value(c.field());
                boolean any = v != null && c.values().stream().anyMatch(x -> same(v, x));
                if (v != null && (c.op() == Operator.IN) == any) byJavaInline.add(i + " " + l.getLeadId());
            }
        }
        assertEquals(byJavaInline, byJava);
        assertEquals(byJava, byDrl);
        assertTrue(
                byJava.size() > 600 && byJava.size() < conditions.size() * leads.size() - 600,
                "matches: " + byJava.size());
    }

    private static boolean same(Object actual, Object expected) {
        if (expected instanceof BigDecimal n) return (Double) actual == n.doubleValue();
        if (expected instanceof Instant t) return (Long) actual == t.toEpochMilli();
        return actual.equals(expected);
    }

    private static Object filler(FieldRef f, int k) {
        return switch (f.type()) {
            case TEXT -> "filler " + k;
            case NUMBER -> BigDecimal.valueOf(1000 + k);
            case TIMESTAMP -> Instant.ofEpochMilli(1_700_000_000_000L + k);
        };
    }

    private static Condition condition(Random r) {
        FieldRef f = FIELDS.get(r.nextInt(FIELDS.size()));
        List<Operator> ops = new ArrayList<>(
                List.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN, Operator.PRESENT, Operator.ABSENT));
        if (f.type() != FieldType.TEXT) ops.addAll(List.of(Operator.LT, Operator.LE, Operator.GT, Operator.GE));
        Operator op = ops.get(r.nextInt(ops.size()));
        List<Object> values = new ArrayList<>();
        int n = op.unary() ? 0 : op.takesList() ? 1 + r.nextInt(3) : 1;
        for (int i = 0; i < n; i++) values.add(value(f, r));
        return new Condition(f, op, values, f.name() + " " + op.symbol() + " " + values);
    }

    private static Object value(FieldRef f, Random r) {
        return switch (f.type()) {
            case TEXT -> TEXTS.get(r.nextInt(TEXTS.size() - 1));
            case NUMBER -> BigDecimal.valueOf(NUMBERS.get(r.nextInt(NUMBERS.size())));
            case TIMESTAMP -> Instant.ofEpochMilli(TIMES.get(r.nextInt(TIMES.size())));
        };
    }

    private static Lead lead(String id, Random r) {
        Lead.Builder b = Lead.builder(id, 0);
        b.channel = text(r);
        b.team = text(r);
        b.score = r.nextInt(4) == 0 ? null : NUMBERS.get(r.nextInt(NUMBERS.size()));
        b.amount = r.nextInt(4) == 0 ? null : NUMBERS.get(r.nextInt(NUMBERS.size()));
        b.mqlAt = r.nextInt(4) == 0 ? null : TIMES.get(r.nextInt(TIMES.size()));
        String seg = text(r);
        if (seg != null) b.extras.put("segment", seg);
        if (r.nextInt(4) > 0) b.extras.put("employees", NUMBERS.get(r.nextInt(NUMBERS.size())));
        if (r.nextInt(4) > 0) b.extras.put("signed_at", TIMES.get(r.nextInt(TIMES.size())));
        return b.build();
    }

    private static String text(Random r) {
        String t = TEXTS.get(r.nextInt(TEXTS.size()));
        return t.isEmpty() ? null : t;
    }
}
