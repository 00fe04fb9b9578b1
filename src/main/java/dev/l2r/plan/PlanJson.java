package dev.l2r.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The plan as JSON ({@code l2r plan --json}): keys in a fixed order, numbers exact and plain (no exponent),
 * two-space indent and \n line ends, so the same plan is the same bytes.
 */
public final class PlanJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private PlanJson() {}

    public static String render(Plan p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("agreement", p.agreement());
        o.put("file", p.file());
        o.put("period", p.period());
        o.put("revenue", plain(p.revenue()));
        o.put("rounding", "up to whole leads (deals) at each step");
        ArrayNode steps = o.putArray("stages");
        for (Plan.Step s : p.steps()) {
            ObjectNode n = steps.addObject();
            n.put("stage", s.stage());
            n.put("needed", plain(s.needed()));
            source(n, "from", s.rate());
            source(n, "target", s.target());
            n.put("gap", plain(s.gap()));
        }
        o.put("stop", p.stop());
        strings(o.putArray("shortfalls"), p.shortfalls());
        strings(o.putArray("notes"), p.notes());
        Plan.Spend sp = p.spend();
        if (sp == null) {
            o.putNull("spend");
        } else {
            ObjectNode n = o.putObject("spend");
            n.put("mqls", plain(sp.mqls()));
            n.put("cost_per_mql", plain(sp.costPerMql()));
            n.put("spend", plain(sp.spend()));
            ArrayNode cs = n.putArray("channels");
            for (Plan.Channel c : sp.channels()) {
                ObjectNode cn = cs.addObject();
                cn.put("channel", c.name());
                cn.put("spend", plain(c.spend()));
                cn.put("mqls", plain(c.mqls()));
                cn.put("cost_per_mql", plain(c.costPerMql()));
            }
            n.put("cheapest", sp.cheapest());
            n.put("spend_at_cheapest", plain(sp.spendAtCheapest()));
        }
        o.put("spend_help", p.spendHelp());
        try {
            return MAPPER.writer(new DefaultPrettyPrinter()
                                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                                    .withArrayIndenter(new DefaultIndenter("  ", "\n")))
                            .writeValueAsString(o)
                    + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void source(ObjectNode n, String key, Plan.Source s) {
        if (s == null) {
            n.putNull(key);
            return;
        }
        ObjectNode o = n.putObject(key);
        o.put("metric", s.metric());
        o.put("min", plain(s.value()));
        o.put("clause", s.clause());
        o.put("line", s.line());
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static BigDecimal plain(BigDecimal b) {
        if (b == null) return null;
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
