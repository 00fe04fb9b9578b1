package dev.l2r;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The flow of docs/ARCHITECTURE.md, as a test: source → parse → model → compile → evaluate → report, data
 * through ingest and facts, the CLI on top. {@code plan} (l2r plan) sits beside report: it reads the model,
 * metrics.csv values (ingest) and number formats (evaluate), and only app and cli use it. {@code history} (the
 * run history store) uses nothing but the base package; report renders trends from it, app and cli record and
 * list runs. {@code mail} (e-mail delivery of the summary) reads files and talks SMTP, uses no stage, and only
 * app and cli use it. A dependency against the flow, or a cycle between two packages, fails the build.
 */
class LayersTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.l2r");
    }

    @Test
    void packagesDependOnlyDownTheFlow() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("base")
                .definedBy("dev.l2r")
                .layer("source")
                .definedBy("dev.l2r.source..")
                .layer("model")
                .definedBy("dev.l2r.model..")
                .layer("calendar")
                .definedBy("dev.l2r.calendar..")
                .layer("parse")
                .definedBy("dev.l2r.parse..")
                .layer("facts")
                .definedBy("dev.l2r.facts..")
                .layer("compile")
                .definedBy("dev.l2r.compile..")
                .layer("ingest")
                .definedBy("dev.l2r.ingest..")
                .layer("evaluate")
                .definedBy("dev.l2r.evaluate..")
                .layer("history")
                .definedBy("dev.l2r.history..")
                .layer("report")
                .definedBy("dev.l2r.report..")
                .layer("plan")
                .definedBy("dev.l2r.plan..")
                .layer("mail")
                .definedBy("dev.l2r.mail..")
                .layer("app")
                .definedBy("dev.l2r.app..")
                .layer("cli")
                .definedBy("dev.l2r.cli..")
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("app")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("plan")
                .mayOnlyBeAccessedByLayers("app", "cli")
                .whereLayer("mail")
                .mayOnlyBeAccessedByLayers("app", "cli")
                .whereLayer("report")
                .mayOnlyBeAccessedByLayers("app", "cli")
                .whereLayer("history")
                .mayOnlyBeAccessedByLayers("report", "app", "cli")
                .whereLayer("evaluate")
                .mayOnlyBeAccessedByLayers("report", "plan", "app", "cli")
                .whereLayer("compile")
                .mayOnlyBeAccessedByLayers("evaluate", "report", "app", "cli")
                .whereLayer("ingest")
                .mayOnlyBeAccessedByLayers("evaluate", "report", "plan", "app", "cli")
                .whereLayer("parse")
                .mayOnlyBeAccessedByLayers("app", "cli")
                .whereLayer("facts")
                .mayOnlyBeAccessedByLayers("compile", "ingest", "evaluate", "report", "app", "cli")
                .whereLayer("calendar")
                .mayOnlyBeAccessedByLayers("parse", "evaluate", "app", "cli")
                .whereLayer("model")
                .mayOnlyBeAccessedByLayers(
                        "calendar", "parse", "facts", "compile", "ingest", "evaluate", "report", "plan", "app", "cli")
                .whereLayer("source")
                .mayOnlyBeAccessedByLayers("parse", "ingest", "app", "cli")
                .check(classes);
    }

    @Test
    void theBasePackageUsesNoStage() {
        noClasses()
                .that()
                .resideInAPackage("dev.l2r")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.l2r.(**)")
                .check(classes);
    }

    @Test
    void mailUsesOnlyTheBasePackage() {
        noClasses()
                .that()
                .resideInAPackage("dev.l2r.mail..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.l2r.source..",
                        "dev.l2r.parse..",
                        "dev.l2r.model..",
                        "dev.l2r.calendar..",
                        "dev.l2r.compile..",
                        "dev.l2r.facts..",
                        "dev.l2r.ingest..",
                        "dev.l2r.evaluate..",
                        "dev.l2r.report..",
                        "dev.l2r.plan..",
                        "dev.l2r.app..",
                        "dev.l2r.cli..")
                .check(classes);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("dev.l2r.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void reportsNeverReachIntoDroolsAndTheCompilerNeverReadsData() {
        noClasses()
                .that()
                .resideInAPackage("dev.l2r.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.kie..", "org.drools..")
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage("dev.l2r.compile..", "dev.l2r.model..", "dev.l2r.parse..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.l2r.ingest..", "com.fasterxml.jackson.dataformat.csv..")
                .check(classes);
    }
}
