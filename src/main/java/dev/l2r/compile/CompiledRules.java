package dev.l2r.compile;

import dev.l2r.InputError;
import dev.l2r.facts.Lead;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import dev.l2r.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.ConsequenceException;

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
    private final Map<String, RulesFile> byPath;
    /** Hand-written rules by the prefix of the Java classes Drools compiles them to ("Rule_" + legal name). */
    private final Map<String, Rule> byClassPrefix = new HashMap<>();

    private CompiledRules(
            KieBase kieBase,
            String generatedPackage,
            Set<String> referenced,
            List<RulesFile> files,
            Map<String, RulesFile> byPath) {
        this.kieBase = kieBase;
        this.generatedPackage = generatedPackage;
        this.referenced = referenced;
        this.files = files;
        this.byPath = byPath;
        kieBase.getKiePackages()
                .forEach(p -> p.getRules().forEach(r -> {
                    if (!p.getName().equals(generatedPackage))
                        byClassPrefix.put(p.getName() + ".Rule_" + legalName(r.getName()), r);
                }));
    }

    /**
     * Turns a failure inside a hand-written rule into bad-rules input: exit 2 naming the file, the line of the
     * rule and the rule. Covered: an exception in a consequence, in a constraint or a {@code function} it
     * calls (at insert or while firing), and in an {@code eval}. Failures in generated rules are l2r bugs
     * and are returned unchanged.
     */
    public RuntimeException failure(RuntimeException e) {
        String root = InputError.flatten(String.valueOf(rootCause(e)));
        // A condition that threw names its rule and file in the message; it is the rule to blame even when
        // the fact came from another rule's insert (then the chain also holds that rule's ConsequenceException).
        for (Throwable t : chain(e)) {
            if (!t.getClass().getSimpleName().equals("ConstraintEvaluationException")) continue;
            Matcher m = CONSTRAINT_RULE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                RulesFile f = byPath.get(m.group(2));
                String rule = m.group(1).replace("\\\"", "\"");
                if (f != null)
                    return new InputError(where(List.of(f), f.drlPackage(), rule) + "a condition failed: " + root);
            }
        }
        for (Throwable t : chain(e)) {
            if (t instanceof ConsequenceException ce && ce.getMatch() != null) {
                Rule r = ce.getMatch().getRule();
                if (r.getPackageName().equals(generatedPackage)) break;
                Object lead = ce.getMatch().getObjects().stream()
                        .filter(o -> o instanceof Lead)
                        .findFirst()
                        .orElse(null);
                return new InputError(where(files, r.getPackageName(), r.getName()) + "failed"
                        + (lead == null ? "" : " on " + lead) + ": " + root);
            }
        }
        // An eval (and a function it calls) runs in classes Drools compiles per rule: find them in the stack.
        for (Throwable t : chain(e)) {
            String where = blame(t.getStackTrace());
            if (where != null) return new InputError(where + "a condition failed: " + root);
        }
        return e;
    }

    private static final Pattern CONSTRAINT_RULE = Pattern.compile("\\[Rule \"((?:[^\"\\\\]|\\\\.)*)\" in ([^\\],]+)");

    private static List<Throwable> chain(Throwable e) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable t = e; t != null && !out.contains(t); t = t.getCause()) out.add(t);
        return out;
    }

    private static Throwable rootCause(Throwable e) {
        List<Throwable> c = chain(e);
        return c.get(c.size() - 1);
    }

    /**
     * "file:line: rule "NAME": " (or "file:line: function NAME: ") of the innermost hand-written rule or
     * function in a stack, or null when no hand-written code is on it. Used for exceptions in evals and for
     * a rule that is still running when the time limit is reached.
     */
    public String blame(StackTraceElement[] stack) {
        String function = null;
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            int dot = cls.lastIndexOf('.');
            if (dot < 0) continue;
            String pkg = cls.substring(0, dot);
            if (pkg.equals(generatedPackage)
                    || files.stream().noneMatch(f -> f.drlPackage().equals(pkg))) continue;
            Rule best = null;
            String bestPrefix = "";
            for (Map.Entry<String, Rule> r : byClassPrefix.entrySet()) {
                String p = r.getKey();
                if (cls.startsWith(p)
                        && cls.length() > p.length()
                        && Character.isDigit(cls.charAt(p.length()))
                        && p.length() > bestPrefix.length()) {
                    best = r.getValue();
                    bestPrefix = p;
                }
            }
            if (best != null) return where(files, best.getPackageName(), best.getName());
            if (function == null) function = functionWhere(pkg, cls.substring(dot + 1), frame.getMethodName());
        }
        return function;
    }

    /** Where a hand-written rule is declared, for messages about it; null for a generated rule. */
    public String blame(Rule r) {
        return r.getPackageName().equals(generatedPackage) ? null : where(files, r.getPackageName(), r.getName());
    }

    /** A DRL function compiles to class Ucfirst(name) with a static method name. */
    private String functionWhere(String pkg, String simpleClass, String method) {
        if (simpleClass.isEmpty() || !simpleClass.equals(Character.toUpperCase(method.charAt(0)) + method.substring(1)))
            return null;
        Pattern decl = Pattern.compile("^\\s*function\\s+[\\w.<>\\[\\], ]+?\\s+" + Pattern.quote(method) + "\\s*\\(");
        for (RulesFile f : files) {
            if (!f.drlPackage().equals(pkg)) continue;
            String[] lines = f.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (decl.matcher(lines[i]).find()) return f.location(i + 1, -1) + ": function " + method + ": ";
            }
        }
        return null;
    }

    /** The identifier Drools makes of a rule name in its class names: {@code inside$u45$sales_S1$u58$_met}. */
    static String legalName(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isJavaIdentifierPart(c) && c != '$') b.append(c);
            else if (Character.isWhitespace(c)) b.append('_');
            else b.append("$u").append((int) c).append('$');
        }
        return b.toString();
    }

    /**
     * The rules a build on another thread made, waiting for it, or what stopped the build, thrown as it was
     * thrown there (bad rules are an {@code InputError} naming the file and line).
     */
    public static CompiledRules built(Future<CompiledRules> building) {
        try {
            return building.get();
        } catch (ExecutionException ex) {
            Throwable t = ex.getCause();
            if (t instanceof RuntimeException re) throw re;
            if (t instanceof Error err) throw err;
            throw new IllegalStateException(t);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rules were built", ex);
        }
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** Metadata key that marks a hand-written data-quality rule. */
    public static final String DATA_QUALITY = "dataQuality";

    /**
     * Built rule bases of this JVM, by everything a build depends on: a second check of the same agreement
     * and rules (tests, a server, a multi-period report) skips the Drools build. Few entries: a KieBase of
     * a large agreement is large.
     */
    private static final Map<String, CompiledRules> CACHE =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompiledRules> eldest) {
                    return size() > 8;
                }
            });

    public static CompiledRules build(Agreement a, String agreementFile, String drl, List<RulesFile> rulesFiles) {
        String key = cacheKey(a, drl, rulesFiles);
        CompiledRules cached = CACHE.get(key);
        if (cached != null) { // the same rules, perhaps from files elsewhere: messages name the caller's files
            Map<String, RulesFile> byPath = new HashMap<>();
            for (RulesFile f : rulesFiles) {
                byPath.put(resourcePath(f), f);
                byPath.put(resourcePath(f).substring(RESOURCES.length()), f);
            }
            return new CompiledRules(
                    cached.kieBase,
                    cached.generatedPackage,
                    cached.referenced,
                    List.copyOf(rulesFiles),
                    Map.copyOf(byPath));
        }
        CompiledRules built = compile(a, agreementFile, drl, rulesFiles);
        CACHE.put(key, built);
        return built;
    }

    /**
     * What a successful build depends on: the DRL, the rules each clause names, the checks set aside, and the
     * name and text of each rules file (not where they are: a failed build throws and is never cached).
     */
    private static String cacheKey(Agreement a, String drl, List<RulesFile> rulesFiles) {
        StringBuilder b = new StringBuilder(drl).append('\u0000');
        for (Clause c : a.clauses())
            if (c instanceof Clause.Rule r)
                b.append(r.id()).append('=').append(r.rule()).append('\u0000');
        b.append(a.ignoredChecks().keySet()).append('\u0000');
        for (RulesFile f : rulesFiles)
            b.append(f.path().getFileName()).append('\u0000').append(f.sha256()).append('\u0000');
        return Digests.sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static CompiledRules compile(Agreement a, String agreementFile, String drl, List<RulesFile> rulesFiles) {
        List<String> reserved = new ArrayList<>();
        for (RulesFile f : rulesFiles) {
            if (f.inGeneratedPackage()) {
                reserved.add(f.location(f.packageLine(), -1) + ": "
                        + ("package " + f.drlPackage()
                                + ": packages under " + RulesFile.GENERATED_PACKAGES
                                + " hold the rules l2r generates from agreements;"
                                + " declare package l2r.rules (or one of your own)"));
            }
        }
        if (!reserved.isEmpty()) throw new InputError(reserved);
        WarmUp.await();
        KieServices ks = KieServices.Factory.get();
        ReleaseId rid = ks.newReleaseId("dev.l2r.run", "rules" + BUILDS.incrementAndGet(), "1.0.0");
        String generatedPath = "src/main/resources/" + DrlGenerator.packageOf(a).replace('.', '/') + "/agreement.drl";
        Map<String, RulesFile> byPath = new HashMap<>();
        List<Message> messages = compile(ks, rid, generatedPath, drl, rulesFiles, byPath);
        List<String> errors = new ArrayList<>();
        Map<RulesFile, List<String[]>> inFiles = new LinkedHashMap<>(); // file -> {line, col, text}
        for (Message m : messages) {
            String path = m.getPath();
            RulesFile f = path == null ? null : byPath.get(path);
            String text = InputError.flatten(m.getText()).replaceAll("\\s*\\[Line: -?\\d+, Column: -?\\d+\\]$", "");
            if (f != null) {
                inFiles.computeIfAbsent(f, k -> new ArrayList<>()).add(new String[] {
                    String.valueOf(m.getLine()), String.valueOf(Math.max(m.getColumn(), 0)), text
                });
            } else if (generatedPath.endsWith(String.valueOf(path))) {
                errors.add(InputError.at(
                        agreementFile,
                        0,
                        null,
                        "the generated rules do not compile (an l2r bug; run l2r compile to see them): " + text));
            } else {
                errors.add((path == null ? "rules" : path) + ": " + text);
            }
        }
        for (Map.Entry<RulesFile, List<String[]>> e :
                attribute(ks, duplicates(inFiles, rulesFiles)).entrySet()) {
            String unclosed = unclosedString(e.getKey());
            if (unclosed != null
                    && e.getValue().stream()
                            .anyMatch(m -> m[2].startsWith("[ERR ") || m[2].contains("unexpected exception"))) {
                errors.add(unclosed); // the parser read the rest of the file as that string: its errors are echoes
                continue;
            }
            Set<String> badImports = new TreeSet<>();
            Set<String> functionClasses =
                    new TreeSet<>(); // a function of the file that did not compile: Drools imports it
            e.getValue().forEach(m -> {
                Matcher imp = BAD_IMPORT.matcher(m[2]);
                if (!imp.find()) return;
                if (importLine(e.getKey(), imp.group(1), -1) > 0) badImports.add(imp.group(1));
                else
                    functionClasses.add(
                            imp.group(1).substring(0, Math.max(imp.group(1).lastIndexOf('.'), 0)));
            });
            boolean otherErrors = e.getValue().stream()
                    .anyMatch(m -> !BAD_IMPORT.matcher(m[2]).find());
            boolean parserErrors = e.getValue().stream().anyMatch(m -> m[2].startsWith("[ERR "));
            List<DecisionTable.Problem> inTable = new ArrayList<>();
            for (String[] m : e.getValue()) {
                int line = Integer.parseInt(m[0]);
                String col = m[1];
                String text = m[2];
                Matcher imp = BAD_IMPORT.matcher(text);
                if (parserErrors && text.equals("Parser returned a null Package")) {
                    continue; // the parser's own errors say why: this line only follows from them
                }
                if (imp.find() && badImports.contains(imp.group(1))) {
                    line = importLine(e.getKey(), imp.group(1), line); // Drools says line 1
                    col = null;
                    text = "import " + imp.group(1) + ": no such class";
                } else if (imp.find(0) && otherErrors) {
                    continue; // the import Drools made of a function that did not compile: the function's error says
                    // why
                } else if (badImports.stream()
                                .anyMatch(b -> m[2].contains(b)
                                        || m[2].contains(b.substring(b.lastIndexOf('.') + 1) + " cannot be resolved"))
                        || functionClasses.stream()
                                .anyMatch(c -> m[2].contains("The import " + c + " cannot be resolved"))) {
                    continue; // a rule that uses what the file failed to import: the import's own error says it all
                }
                int cut = text.indexOf(". Exception: "); // Drools' parser puts a stack trace into the message
                if (cut > 0)
                    text = text.substring(0, cut) + " (the Drools parser failed here; check the syntax just before)";
                if (e.getKey().isTable()) {
                    inTable.add(new DecisionTable.Problem(line, col == null ? -1 : Integer.parseInt(col), text));
                } else {
                    errors.add(e.getKey().location(line, col == null ? -1 : Integer.parseInt(col)) + ": " + text);
                }
            }
            if (e.getKey().isTable()) {
                // after a bad import, what used the class fails too: the import's error says it all
                if (!badImports.isEmpty()) inTable.removeIf(p -> !p.text().startsWith("import "));
                errors.addAll(e.getKey().table().report(inTable));
            }
        }
        if (!errors.isEmpty()) throw new InputError(errors.stream().distinct().toList());
        KieBase kb = ks.newKieContainer(rid).getKieBase();

        Set<String> names = new TreeSet<>();
        Set<String> dataQuality = new TreeSet<>();
        Map<String, String> dqIds = new HashMap<>();
        List<String> metaErrors = new ArrayList<>();
        Map<String, String> generated = new HashMap<>(); // rule name -> clause id
        kb.getKiePackages().stream()
                .filter(p -> p.getName().equals(DrlGenerator.packageOf(a)))
                .forEach(p -> p.getRules()
                        .forEach(r -> generated.put(
                                r.getName(), String.valueOf(r.getMetaData().get("clause")))));
        kb.getKiePackages()
                .forEach(p -> p.getRules().forEach(r -> {
                    if (p.getName().equals(DrlGenerator.packageOf(a))) return;
                    if (generated.containsKey(r.getName())) {
                        // Drools would accept it (another package), but every message about either rule would be
                        // ambiguous
                        metaErrors.add(where(rulesFiles, p.getName(), r.getName())
                                + "is the name of a rule l2r generates for clause " + generated.get(r.getName())
                                + " of agreement " + a.id() + "; rename it");
                    } else {
                        a.clauses().stream()
                                .map(c -> c.head().id())
                                .filter(id -> r.getName().startsWith(a.id() + " " + id + ":"))
                                .findFirst()
                                .ifPresent(id -> metaErrors.add(where(rulesFiles, p.getName(), r.getName())
                                        + "is named like the rules l2r generates for clause " + id + " of agreement "
                                        + a.id() + " (\"" + a.id() + " " + id + ": ...\"); rename it"));
                    }
                    names.add(r.getName());
                    if (!isDataQuality(r)) return;
                    dataQuality.add(r.getName());
                    Object sev = r.getMetaData().get("severity");
                    if (sev != null && Severity.of(String.valueOf(sev)).isEmpty()) {
                        metaErrors.add(where(rulesFiles, p.getName(), r.getName()) + "@severity: \"" + sev
                                + "\" is not a severity; use critical, major or minor");
                    }
                    String id = dqIdOf(r);
                    String other = dqIds.putIfAbsent(id, r.getName());
                    if (other != null) {
                        metaErrors.add(where(rulesFiles, p.getName(), r.getName()) + "@id: \"" + id
                                + "\" is also the id of rule \"" + other + "\"; ids name findings and must be unique");
                    }
                }));
        if (!metaErrors.isEmpty()) throw new InputError(metaErrors);
        Set<String> referenced = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < a.clauses().size(); i++) {
            if (a.clauses().get(i) instanceof Clause.Rule r) {
                if (dataQuality.contains(r.rule())) {
                    missing.add(
                            InputError.at(
                                    agreementFile,
                                    r.head().line(),
                                    "clauses[" + i + "] (" + r.id() + ").rule",
                                    "\"" + r.rule()
                                            + "\" is a data-quality rule (it always runs and reports to revenue ops); name a rule that reports with sla.violation"));
                } else if (names.contains(r.rule())) {
                    referenced.add(r.rule());
                } else {
                    missing.add(InputError.at(
                            agreementFile,
                            r.head().line(),
                            "clauses[" + i + "] (" + r.id() + ").rule",
                            "no rule named \"" + r.rule() + "\" in the rules directory"
                                    + (names.isEmpty()
                                            ? " (it has no rules)"
                                            : "; rules there: " + String.join(", ", names))));
                }
            }
        }
        a.ignoredChecks().forEach((id, line) -> {
            if (!dqIds.containsKey(id)) {
                missing.add(InputError.at(
                        agreementFile,
                        line,
                        "data_quality.ignore",
                        "no data-quality check has @id \"" + id + "\""
                                + (dqIds.isEmpty()
                                        ? ""
                                        : "; ids: " + String.join(", ", new TreeSet<>(dqIds.keySet())))));
            }
        });
        if (!missing.isEmpty()) throw new InputError(missing);
        // Hand-written rules that this agreement does not name belong to other agreements, and checks it sets
        // aside do not apply: take them out of the network, so they neither fire nor cost anything.
        List<String[]> unused = new ArrayList<>();
        kb.getKiePackages()
                .forEach(p -> p.getRules().forEach(r -> {
                    if (p.getName().equals(DrlGenerator.packageOf(a))) return;
                    boolean ignoredCheck = isDataQuality(r) && a.ignoredChecks().containsKey(dqIdOf(r));
                    if ((!isDataQuality(r) && !referenced.contains(r.getName())) || ignoredCheck) {
                        unused.add(new String[] {p.getName(), r.getName()});
                    }
                }));
        unused.forEach(r -> kb.removeRule(r[0], r[1]));
        return new CompiledRules(
                kb, DrlGenerator.packageOf(a), referenced, List.copyOf(rulesFiles), Map.copyOf(byPath));
    }

    private static final Pattern BAD_IMPORT = Pattern.compile("^Error importing : '([\\w.$]+)'");

    /**
     * "file:line:col: a string opened here is never closed" for the first double- or single-quoted string
     * that does not close on its line (outside comments), or null. Drools' lexer lets such a string run to
     * the end of the file and then reports errors there, or fails inside its parser.
     */
    static String unclosedString(RulesFile f) {
        String[] lines = f.text().split("\n", -1);
        boolean block = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            char quote = 0;
            int opened = -1;
            for (int j = 0; j < l.length(); j++) {
                char c = l.charAt(j);
                if (block) {
                    if (c == '*' && j + 1 < l.length() && l.charAt(j + 1) == '/') {
                        block = false;
                        j++;
                    }
                } else if (quote != 0) {
                    if (c == '\\') j++;
                    else if (c == quote) quote = 0;
                } else if (c == '/' && j + 1 < l.length() && l.charAt(j + 1) == '/') {
                    break;
                } else if (c == '/' && j + 1 < l.length() && l.charAt(j + 1) == '*') {
                    block = true;
                    j++;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    opened = j;
                }
            }
            if (quote != 0) {
                return f.location(i + 1, opened + 1) + ": a string opened here (" + quote
                        + ") is not closed on its line; close it";
            }
        }
        return null;
    }

    /** The line of {@code import NAME} in a file, else {@code otherwise}. */
    private static int importLine(RulesFile f, String name, int otherwise) {
        Pattern decl = Pattern.compile("^\\s*import\\s+(function\\s+)?" + Pattern.quote(name) + "\\s*;?\\s*$");
        String[] lines = f.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (decl.matcher(lines[i]).find()) return i + 1;
        return otherwise;
    }

    private static final String RESOURCES = "src/main/resources/";

    /** Where a rules file goes in the KieModule: under its package, so that Drools does not warn. */
    private static String resourcePath(RulesFile f) {
        // a table goes in as the DRL generated from it: under its own name Drools would compile it again
        return RESOURCES + f.drlPackage().replace('.', '/') + "/" + f.path().getFileName()
                + (f.isTable() ? ".drl" : "");
    }

    /** Builds the generated DRL (when given) and the rules files into a KieModule; returns its error messages. */
    private static List<Message> compile(
            KieServices ks,
            ReleaseId rid,
            String generatedPath,
            String drl,
            List<RulesFile> files,
            Map<String, RulesFile> byPath) {
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(rid);
        if (generatedPath != null) kfs.write(generatedPath, drl);
        for (RulesFile f : files) {
            String path = resourcePath(f);
            byPath.put(path, f);
            byPath.put(path.substring(RESOURCES.length()), f);
            kfs.write(path, f.text());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        return builder.getResults().getMessages(Message.Level.ERROR);
    }

    /**
     * Drools reports some errors of one file against every file of its package (a bad import or function
     * breaks the package's shared class). When several files have errors, each is built alone: errors of a
     * file that compiles on its own came from another one and are dropped, and of a file that does not, only
     * the errors it has on its own are kept. Costs one extra build per file with errors, only when the rules
     * do not compile.
     */
    private static Map<RulesFile, List<String[]>> attribute(KieServices ks, Map<RulesFile, List<String[]>> inFiles) {
        if (inFiles.size() < 2) return inFiles;
        Map<RulesFile, List<String[]>> own = new LinkedHashMap<>();
        for (Map.Entry<RulesFile, List<String[]>> e : inFiles.entrySet()) {
            ReleaseId rid = ks.newReleaseId("dev.l2r.run", "alone" + BUILDS.incrementAndGet(), "1.0.0");
            Set<String> alone = new HashSet<>();
            for (Message m : compile(ks, rid, null, null, List.of(e.getKey()), new HashMap<>())) {
                alone.add(m.getLine() + "|"
                        + InputError.flatten(m.getText()).replaceAll("\\s*\\[Line: -?\\d+, Column: -?\\d+\\]$", ""));
            }
            List<String[]> ours =
                    e.getValue().stream().filter(m -> m[1] == null).toList(); // found by l2r itself
            if (alone.isEmpty()) { // compiles on its own: Drools' errors against it belong to another file
                if (!ours.isEmpty()) own.put(e.getKey(), ours);
                continue;
            }
            List<String[]> kept = e.getValue().stream()
                    .filter(m -> m[1] == null || alone.contains(m[0] + "|" + m[2]))
                    .toList();
            own.put(e.getKey(), kept.size() == ours.size() ? e.getValue() : kept);
        }
        return own.isEmpty() ? inFiles : own;
    }

    /**
     * Drools reports a rule name used twice in a package against the first file, at a line that may be the
     * other declaration: report it at the second declaration, naming the first, and drop the follow-up error
     * about the rule's class being defined twice.
     */
    private static Map<RulesFile, List<String[]>> duplicates(
            Map<RulesFile, List<String[]>> inFiles, List<RulesFile> files) {
        Pattern dup = Pattern.compile("^Duplicate rule name: (.*)$");
        Map<RulesFile, List<String[]>> out = new LinkedHashMap<>();
        Set<String> twiceDefined = new HashSet<>();
        inFiles.forEach((f, ms) -> {
            for (String[] m : ms) {
                Matcher d = dup.matcher(m[2]);
                List<String[]> decls = new ArrayList<>(); // {file index, line}
                if (d.matches()) {
                    for (RulesFile g : files) {
                        if (!g.drlPackage().equals(f.drlPackage())) continue;
                        for (int line : declarations(g, d.group(1)))
                            decls.add(new String[] {String.valueOf(files.indexOf(g)), String.valueOf(line)});
                    }
                }
                if (decls.size() < 2) {
                    out.computeIfAbsent(f, k -> new ArrayList<>()).add(m);
                    continue;
                }
                RulesFile first = files.get(Integer.parseInt(decls.get(0)[0]));
                String[] second = decls.get(1);
                twiceDefined.add("Rule_" + legalName(d.group(1)));
                out.computeIfAbsent(files.get(Integer.parseInt(second[0])), k -> new ArrayList<>())
                        .add(new String[] {
                            second[1],
                            null,
                            "rule \"" + d.group(1) + "\": also declared at "
                                    + first.location(Integer.parseInt(decls.get(0)[1]), -1)
                                    + " in package " + f.drlPackage()
                                    + "; rule names are unique in a package (agreements refer to rules by name)"
                        });
            }
        });
        if (twiceDefined.isEmpty()) return out;
        out.values()
                .forEach(ms -> ms.removeIf(m -> twiceDefined.stream()
                        .anyMatch(t -> m[2].matches(".*The type " + Pattern.quote(t) + "\\d* is already defined.*"))));
        out.values().removeIf(List::isEmpty);
        return out;
    }

    /** "file:line: rule "NAME": " of the rules file of {@code pkg} that defines a rule, for messages about it. */
    static String where(List<RulesFile> files, String pkg, String rule) {
        for (RulesFile f : files) {
            if (pkg != null && !f.drlPackage().equals(pkg)) continue;
            int line = declarations(f, rule).stream().findFirst().orElse(0);
            if (line > 0) return f.location(line, -1) + ": rule \"" + rule + "\": ";
        }
        return "rules: rule \"" + rule + "\": ";
    }

    /** The lines at which a file declares a rule: {@code rule "NAME"}, {@code rule 'NAME'} or {@code rule NAME}. */
    static List<Integer> declarations(RulesFile f, String rule) {
        boolean plain = rule.chars().noneMatch(Character::isISOControl); // DrlLiterals refuses control characters
        Pattern decl = Pattern.compile("^\\s*rule\\s+(?:" + (plain ? Pattern.quote(DrlLiterals.string(rule)) + "|" : "")
                + "'" + Pattern.quote(rule) + "'|" + Pattern.quote(rule) + "(?=\\s|$))");
        List<Integer> out = new ArrayList<>();
        String[] lines = f.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (decl.matcher(lines[i]).find()) out.add(i + 1);
        return out;
    }

    /** The probe rules of an agreement ({@link DrlGenerator#probes}) as a rule base of their own. */
    public static KieBase probes(Agreement a) {
        WarmUp.await();
        KieServices ks = KieServices.Factory.get();
        ReleaseId rid = ks.newReleaseId("dev.l2r.run", "probes" + BUILDS.incrementAndGet(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(rid);
        kfs.write(
                RESOURCES + (DrlGenerator.packageOf(a) + "_probes").replace('.', '/') + "/probes.drl",
                DrlGenerator.probes(a));
        List<Message> errors = ks.newKieBuilder(kfs).buildAll().getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty())
            throw new IllegalStateException(
                    "the probe rules do not compile: " + errors.get(0).getText());
        return ks.newKieContainer(rid).getKieBase();
    }

    /** The id of a data-quality finding: the rule's @id, else its name. */
    public static String dqIdOf(Rule r) {
        return r.getMetaData().get("id") == null
                ? r.getName()
                : String.valueOf(r.getMetaData().get("id"));
    }

    /** True for a hand-written data-quality rule. */
    public static boolean isDataQuality(Rule r) {
        return r.getMetaData().containsKey(DATA_QUALITY);
    }
}
