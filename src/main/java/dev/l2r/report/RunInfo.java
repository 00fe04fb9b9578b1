package dev.l2r.report;

import dev.l2r.compile.RulesFile;
import dev.l2r.ingest.Dataset;
import dev.l2r.ingest.InputFile;
import dev.l2r.ingest.profile.Profile;
import dev.l2r.model.Agreement;
import dev.l2r.model.Period;
import dev.l2r.model.Severity;
import java.util.List;

/**
 * What a run was made of, for run.json and the summary: the agreement and its digest, the rules files,
 * the generated DRL's digest, the mapping profile (if any), the data read, the period and the fail-on level.
 */
public record RunInfo(
        Agreement agreement,
        String agreementFile,
        String agreementSha256,
        String generatedSha256,
        List<RulesFile> rules,
        Profile profile,
        String profileSha256,
        Dataset data,
        Period period,
        Severity failOn) {

    public List<InputFile> inputs() {
        return data.inputs();
    }
}
