package dev.l2r.compile;

import dev.l2r.facts.FollowUpItem;
import dev.l2r.facts.Lead;
import dev.l2r.facts.Measurement;
import java.util.List;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * What the rules of a rule base look at, read from their compiled conditions: whether every rule matches at
 * most one lead-level fact (a {@link Lead}, a {@link FollowUpItem} or a target's {@link Measurement}). Such
 * rules decide about each lead on its own, so the leads can be checked in chunks, each in a session of its
 * own, with the same outcome as in one session. A rule that joins two leads (an {@code accumulate} over
 * other leads, a {@code not} or {@code exists} of another lead, a lead joined with a measurement) needs all
 * leads in one session.
 */
public final class RuleShapes {

    private static final Set<Class<?>> LEAD_LEVEL = Set.of(Lead.class, FollowUpItem.class, Measurement.class);

    private RuleShapes() {}

    /** True when no rule of the base matches more than one lead-level fact (see the class comment). */
    public static boolean leadLocal(KieBase base) {
        for (KiePackage p : base.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (!(r instanceof RuleImpl impl)) return false; // unknown shape: assume it joins
                if (leadPatterns(impl.getLhs()) > 1) return false;
            }
        }
        return true;
    }

    /** The rules of the base that match more than one lead-level fact, as "package.name", for messages. */
    public static List<String> joiningRules(KieBase base) {
        return base.getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .filter(r -> !(r instanceof RuleImpl impl) || leadPatterns(impl.getLhs()) > 1)
                .map(r -> r.getPackageName() + "." + r.getName())
                .sorted()
                .toList();
    }

    /** Patterns of a lead-level type in a condition element and everything nested in it. */
    static int leadPatterns(RuleConditionElement e) {
        if (e == null) return 0;
        int n = 0;
        if (e instanceof Pattern p && isLeadLevel(p.getObjectType())) n++;
        for (RuleConditionElement c : e.getNestedElements()) n += leadPatterns(c);
        return n;
    }

    private static boolean isLeadLevel(ObjectType t) {
        if (!(t instanceof ClassObjectType c)) return false;
        Class<?> type = c.getClassType();
        for (Class<?> k : LEAD_LEVEL) if (k.isAssignableFrom(type)) return true;
        // a pattern on a supertype (Object) also matches leads
        return type.isAssignableFrom(Lead.class) || type.isAssignableFrom(FollowUpItem.class);
    }
}
