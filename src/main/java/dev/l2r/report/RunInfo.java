package dev.l2r.report;

import dev.l2r.compile.RulesFile;
import dev.l2r.ingest.InputFile;
import dev.l2r.model.Agreement;
import dev.l2r.model.Period;
import dev.l2r.model.Severity;
import java.util.List;

/**
 * What a run was made of, for run.json and the summary: the agreement and its digest, the rules files,
 * the generated DRL's digest, the input files with their counts, the period and the fail-on level.
 */
public record RunInfo(Agreement agreement, String agreementFile, String agreementSha256, String generatedSha256,
                      List<RulesFile> rules, List<InputFile> inputs, Period period, Severity failOn) {}
