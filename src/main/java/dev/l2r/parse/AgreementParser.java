package dev.l2r.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.InputError;
import dev.l2r.model.Agreement;
import dev.l2r.model.BusinessCalendar;
import dev.l2r.model.Clause;
import dev.l2r.model.FieldType;
import dev.l2r.model.Team;
import dev.l2r.source.Loc;
import dev.l2r.source.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Turns an agreement document (YAML or JSON) into a validated {@link Agreement}: reads the tree, has each
 * section read in the order of docs/AGREEMENTS.md (header, calendar, teams, fields, clauses, data quality) and
 * builds the model only when no reader found a problem. Every problem of the file is collected with its
 * line and field path before anything fails. The sections' readers, grammars and cross-field rules live
 * in their own classes of this package; this one only puts them in order.
 */
public final class AgreementParser {

    private static final List<String> TOP = AgreementKeys.TOP;

    /** The keys an agreement cannot do without. */
    private static final List<String> REQUIRED = List.of("sla", "period", "timezone", "teams", "clauses");

    private AgreementParser() {}

    /** True when the text could be an agreement's id (its {@code sla:} key): lower-case letters, digits and '-'. */
    public static boolean isAgreementId(String id) {
        return HeaderReader.SLA_ID.matcher(id).matches();
    }

    /** Reads and validates an agreement file; throws {@link dev.l2r.InputError} listing every problem. */
    public static Agreement load(Path path) {
        if (Files.isDirectory(path)) {
            throw new InputError(InputError.at(
                    path.toString(),
                    0,
                    null,
                    "is a folder; this command reads one agreement file (check, validate and replay also take a folder"
                            + " of versions)"));
        }
        return parse(SourceTree.read(path), path.getFileName().toString());
    }

    private static Agreement parse(SourceTree tree, String sourceName) {
        Fields fields = new Fields(tree);
        AgreementRules rules = new AgreementRules(fields);
        JsonNode root = tree.root();
        if (!root.isObject()) {
            fields.add(Loc.ROOT, "an agreement is a mapping with keys " + String.join(", ", TOP));
            fields.throwIfAny();
        }
        if (root.isEmpty()) { // an empty file (or one of only comments, or {}): one cause, not each key missing
            throw new InputError(InputError.at(
                    tree.file(),
                    0,
                    null,
                    "holds no agreement; write one with at least " + String.join(", ", REQUIRED)
                            + " (see docs/AGREEMENTS.md)"));
        }
        fields.unknownKeys(root, Loc.ROOT, TOP);

        HeaderReader headerReader = new HeaderReader(fields);
        HeaderReader.Header h = headerReader.read(root);
        BusinessCalendar calendar = new CalendarReader(fields).read(root.get("calendar"), Loc.ROOT.field("calendar"));
        Map<String, Team> teams = new TeamsReader(fields, rules).read(root.get("teams"), Loc.ROOT.field("teams"));
        Map<String, FieldType> declared = DeclaredFields.read(fields, root.get("fields"), Loc.ROOT.field("fields"));
        ConditionLists conditions =
                new ConditionLists(fields, new Conditions(declared, h.zone() == null ? ZoneId.of("UTC") : h.zone()));
        ClauseTypes types = new ClauseTypes(fields, rules, new Bounds(fields, rules, teams), conditions, calendar);
        List<Clause> clauses = new ClauseParser(fields, rules, teams, conditions, types)
                .read(root.get("clauses"), Loc.ROOT.field("clauses"));
        Map<String, Integer> ignored = headerReader.ignoredChecks(root);

        fields.throwIfAny();
        return new Agreement(
                h.id(),
                h.title() == null ? h.id() : h.title(),
                h.version() == null ? "" : h.version(),
                h.effectiveFrom(),
                h.approvedBy(),
                h.period(),
                h.zone(),
                calendar,
                teams,
                declared,
                clauses,
                ignored,
                h.currency(),
                sourceName);
    }
}
