package dev.l2r.cli;

import dev.l2r.compile.CompiledRules;
import dev.l2r.compile.DrlGenerator;
import dev.l2r.compile.RulesFile;
import dev.l2r.model.Agreement;
import dev.l2r.parse.AgreementParser;
import dev.l2r.report.OutputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code l2r compile}: prints the DRL an agreement compiles to. */
@Command(
        name = "compile",
        mixinStandardHelpOptions = true,
        description = "Print the Drools rules (DRL) an agreement compiles to.")
final class CompileCommand implements Callable<Integer> {

    @Mixin
    Options.Agreement agreement;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            converter = Options.PathConverter.class,
            description = "Write the DRL to FILE instead of standard output.")
    Path out;

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            converter = Options.PathConverter.class,
            description = "Also build the rules in DIR with the agreement, and print the DRL generated from each"
                    + " decision table (.csv, .xlsx) there.")
    Path rules;

    @Mixin
    Options.Debug debug;

    @Override
    public Integer call() {
        Agreement a = AgreementParser.load(agreement.sla);
        String drl = DrlGenerator.generate(a);
        if (rules != null) {
            List<RulesFile> files = RulesFile.readAll(rules);
            CompiledRules.build(a, agreement.sla.toString(), drl, files); // bad rules: exit 2, naming the cell
            StringBuilder b = new StringBuilder(drl);
            for (RulesFile f : files) if (f.isTable()) b.append('\n').append(f.text());
            drl = b.toString();
        }
        if (out == null) {
            System.out.print(drl);
        } else {
            try {
                Files.writeString(out, drl, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw OutputFiles.cannotWrite(out, e);
            }
        }
        return 0;
    }
}
