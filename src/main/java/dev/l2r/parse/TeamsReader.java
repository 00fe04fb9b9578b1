package dev.l2r.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.model.Team;
import dev.l2r.source.ControlCharacters;
import dev.l2r.source.Loc;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the {@code teams} section: the accountable teams, each with the person who answers for it and
 * an optional zone and holidays of its own. Clauses name these teams, so a team whose own fields are
 * wrong is still listed (its clauses then get no second, misleading "unknown team").
 */
final class TeamsReader {

    private final Fields fields;
    private final AgreementRules rules;

    TeamsReader(Fields fields, AgreementRules rules) {
        this.fields = fields;
        this.rules = rules;
    }

    Map<String, Team> read(JsonNode node, Loc at) {
        Map<String, Team> teams = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            fields.add(at, "required: a mapping of team id to { owner: \"...\", timezone: ... }");
            rules.teamsUnreadable();
            return teams;
        }
        if (!node.isObject() || node.isEmpty()) {
            fields.add(at, "expected a mapping of team id to { owner: \"...\", timezone: ... }");
            rules.teamsUnreadable();
            return teams;
        }
        if (node.size() > AgreementLimits.MAX_TEAMS) {
            rules.teamsUnreadable();
            fields.add(
                    at,
                    AgreementLimits.n(node.size()) + " teams; an agreement has at most "
                            + AgreementLimits.n(AgreementLimits.MAX_TEAMS));
            return teams;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            Loc tl = at.field(name);
            if (name.isBlank() || ControlCharacters.controlCharacter(name) != null || !name.equals(name.strip())) {
                fields.add(tl, "a team id must be non-blank, without leading or trailing spaces or control characters");
                continue;
            }
            JsonNode t = e.getValue();
            if (!t.isObject()) {
                fields.add(tl, "expected { owner: \"...\" } with an optional timezone");
                teams.put(name, new Team(name, null, null, new TreeSet<>())); // named: its clauses know it
                continue;
            }
            fields.unknownKeys(t, tl, AgreementKeys.TEAM);
            String owner = fields.text(t, tl, "owner", true);
            rules.teamOwnerNamed(owner, tl.field("owner"));
            ZoneId zone = fields.zone(t, tl, "timezone", false);
            teams.put(name, new Team(name, owner, zone, new TreeSet<>(fields.holidays(t, tl, "holidays"))));
        }
        return teams;
    }
}
