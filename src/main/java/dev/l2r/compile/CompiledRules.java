package dev.l2r.compile;

import dev.l2r.InputError;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;

/**
 * The generated DRL of an agreement plus the hand-written rules, built into one KieBase. Build errors in
 * a rules file come back as {@code file:line:col} lines; a {@code rule} clause that names no existing rule
 * is an agreement error.
 */
public final class CompiledRules {

    private static final AtomicInteger BUILDS = new AtomicInteger();

    private final KieBase kieBase;
    private final String generatedPackage;
    private final Set<String> referenced;
    private final List<RulesFile> files;

    private CompiledRules(KieBase kieBase, String generatedPackage, Set<String> referenced, List<RulesFile> files) {
        this.kieBase = kieBase;
        this.generatedPackage = generatedPackage;
        this.referenced = referenced;
        this.files = files;
    }

    /**
     * Turns a failure inside a hand-written rule (an exception in its then-part, or in a method its
     * conditions call) into bad-rules input: exit 2 naming the file, line and rule. Failures in generated
     * rules are l2r bugs and are rethrown.
     */
    public RuntimeException failure(RuntimeException e) {
        if (e instanceof org.kie.api.runtime.rule.ConsequenceException ce && ce.getMatch() != null) {
            Rule r = ce.getMatch().getRule();
            if (!r.getPackageName().equals(generatedPackage)) {
                Throwable cause = ce.getCause() == null ? ce : ce.getCause();
                Object lead = ce.getMatch().getObjects().stream().filter(o -> o instanceof dev.l2r.facts.Lead).findFirst().orElse(null);
                return new InputError(where(files, r.getName()) + "failed" + (lead == null ? "" : " on " + lead) + ": "
                        + InputError.flatten(String.valueOf(cause)));
            }
        }
        // A constraint that throws (e.g. a function called in a condition) names its rules in the message.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[Rule \"((?:[^\"\\\\]|\\\\.)*)\" in ").matcher(String.valueOf(e.getMessage()));
        if (e.getClass().getSimpleName().equals("ConstraintEvaluationException") && m.find()) {
            String rule = m.group(1);
            String where = where(files, rule);
            if (!where.startsWith("rules: ")) {
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) root = root.getCause();
                return new InputError(where + "a condition failed: " + InputError.flatten(String.valueOf(root)));
            }
        }
        return e;
    }

    public KieBase kieBase() { return kieBase; }

    /** Metadata key that marks a hand-written data-quality rule. */
    public static final String DATA_QUALITY = "dataQuality";

    public static CompiledRules build(Agreement a, String agreementFile, String drl, List<RulesFile> rulesFiles) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId rid = ks.newReleaseId("dev.l2r.run", "rules" + BUILDS.incrementAndGet(), "1.0.0");
        kfs.generateAndWritePomXML(rid);
        String generatedPath = "src/main/resources/" + DrlGenerator.packageOf(a).replace('.', '/') + "/agreement.drl";
        kfs.write(generatedPath, drl);
        Map<String, RulesFile> byPath = new HashMap<>();
        for (RulesFile f : rulesFiles) {
            String path = "src/main/resources/" + f.drlPackage().replace('.', '/') + "/" + f.path().getFileName();
            byPath.put(path, f);
            byPath.put(path.substring("src/main/resources/".length()), f);
            kfs.write(path, f.text());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<String> errors = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath();
            RulesFile f = path == null ? null : byPath.get(path);
            String text = InputError.flatten(m.getText()).replaceAll("\\s*\\[Line: -?\\d+, Column: -?\\d+\\]$", "");
            if (f != null) {
                String where = f.path().toString() + (m.getLine() > 0 ? ":" + m.getLine() + ":" + Math.max(m.getColumn(), 0) : "");
                errors.add(where + ": " + text);
            } else if (generatedPath.endsWith(String.valueOf(path))) {
                errors.add(InputError.at(agreementFile, 0, null, "the generated rules do not compile (an l2r bug; run l2r compile to see them): " + text));
            } else {
                errors.add((path == null ? "rules" : path) + ": " + text);
            }
        }
        if (!errors.isEmpty()) throw new InputError(errors.stream().distinct().toList());
        KieBase kb = ks.newKieContainer(rid).getKieBase();

        Set<String> names = new TreeSet<>();
        Set<String> dataQuality = new TreeSet<>();
        Map<String, String> dqIds = new java.util.HashMap<>();
        List<String> metaErrors = new ArrayList<>();
        kb.getKiePackages().forEach(p -> p.getRules().forEach(r -> {
            if (p.getName().equals(DrlGenerator.packageOf(a))) return;
            names.add(r.getName());
            if (!isDataQuality(r)) return;
            dataQuality.add(r.getName());
            Object sev = r.getMetaData().get("severity");
            if (sev != null && dev.l2r.model.Severity.of(String.valueOf(sev)).isEmpty()) {
                metaErrors.add(where(rulesFiles, r.getName()) + "@severity: \"" + sev + "\" is not a severity; use critical, major or minor");
            }
            String id = dqIdOf(r);
            String other = dqIds.putIfAbsent(id, r.getName());
            if (other != null) {
                metaErrors.add(where(rulesFiles, r.getName()) + "@id: \"" + id + "\" is also the id of rule \"" + other + "\"; ids name findings and must be unique");
            }
        }));
        if (!metaErrors.isEmpty()) throw new InputError(metaErrors);
        Set<String> referenced = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < a.clauses().size(); i++) {
            if (a.clauses().get(i) instanceof Clause.Rule r) {
                if (dataQuality.contains(r.rule())) {
                    missing.add(InputError.at(agreementFile, r.head().line(), "clauses[" + i + "].rule",
                            "\"" + r.rule() + "\" is a data-quality rule (it always runs and reports to revenue ops); name a rule that reports with sla.violation"));
                } else if (names.contains(r.rule())) {
                    referenced.add(r.rule());
                } else {
                    missing.add(InputError.at(agreementFile, r.head().line(), "clauses[" + i + "].rule",
                            "no rule named \"" + r.rule() + "\" in the rules directory"
                                    + (names.isEmpty() ? " (it has no rules)" : "; rules there: " + String.join(", ", names))));
                }
            }
        }
        a.ignoredChecks().forEach((id, line) -> {
            if (!dqIds.containsKey(id)) {
                missing.add(InputError.at(agreementFile, line, "data_quality.ignore", "no data-quality check has @id \"" + id
                        + "\"" + (dqIds.isEmpty() ? "" : "; ids: " + String.join(", ", new TreeSet<>(dqIds.keySet())))));
            }
        });
        if (!missing.isEmpty()) throw new InputError(missing);
        // Hand-written rules that this agreement does not name belong to other agreements, and checks it sets
        // aside do not apply: take them out of the network, so they neither fire nor cost anything.
        List<String[]> unused = new ArrayList<>();
        kb.getKiePackages().forEach(p -> p.getRules().forEach(r -> {
            if (p.getName().equals(DrlGenerator.packageOf(a))) return;
            boolean ignoredCheck = isDataQuality(r) && a.ignoredChecks().containsKey(dqIdOf(r));
            if ((!isDataQuality(r) && !referenced.contains(r.getName())) || ignoredCheck) {
                unused.add(new String[] {p.getName(), r.getName()});
            }
        }));
        unused.forEach(r -> kb.removeRule(r[0], r[1]));
        return new CompiledRules(kb, DrlGenerator.packageOf(a), referenced, List.copyOf(rulesFiles));
    }

    /** "file:line: rule "NAME": " of the rules file that defines a rule, for messages about it. */
    static String where(List<RulesFile> files, String rule) {
        String decl = "rule " + DrlLiterals.string(rule);
        for (RulesFile f : files) {
            String[] lines = f.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().startsWith(decl)) return f.path() + ":" + (i + 1) + ": rule \"" + rule + "\": ";
            }
        }
        return "rules: rule \"" + rule + "\": ";
    }

    /** The id of a data-quality finding: the rule's @id, else its name. */
    public static String dqIdOf(Rule r) {
        return r.getMetaData().get("id") == null ? r.getName() : String.valueOf(r.getMetaData().get("id"));
    }

    /** True for a hand-written data-quality rule. */
    public static boolean isDataQuality(Rule r) {
        return r.getMetaData().containsKey(DATA_QUALITY);
    }
}
