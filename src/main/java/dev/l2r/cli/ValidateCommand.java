package dev.l2r.cli;

import dev.l2r.app.RulesDirectory;
import dev.l2r.compile.CompiledRules;
import dev.l2r.compile.DrlGenerator;
import dev.l2r.compile.FieldReads;
import dev.l2r.compile.RulesFile;
import dev.l2r.model.Agreement;
import dev.l2r.parse.AgreementVersions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code l2r validate}: checks an agreement and the rules directory without reading data. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check an agreement and the hand-written rules: every problem, with file, line and field.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    Options.Agreement agreement;

    @Mixin
    Options.Rules rules;

    @Mixin
    Options.Debug debug;

    @Override
    public Integer call() {
        AgreementVersions versions = AgreementVersions.load(agreement.sla);
        List<RulesFile> files = RulesFile.readAll(RulesDirectory.resolve(rules.rules));
        for (AgreementVersions.Version v : versions.all()) {
            Agreement a = v.agreement();
            CompiledRules.build(a, v.file().toString(), DrlGenerator.generate(a), files);
            FieldReads.warnings(a, files).forEach(System.err::println);
            System.out.println(v.file() + ": ok: agreement " + a.id()
                    + (a.effectiveFrom() == null || versions.all().size() == 1
                            ? ""
                            : " effective from " + a.effectiveFrom())
                    + ", " + a.clauses().size() + " clauses, " + a.teams().size() + " teams; " + files.size()
                    + " rules files");
        }
        return 0;
    }
}
