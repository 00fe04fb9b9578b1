package dev.l2r.parse;

import dev.l2r.InputError;
import dev.l2r.model.Agreement;
import dev.l2r.model.Period;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The versions of one agreement: {@code --sla} names a file (one version) or a folder holding several
 * versions of the same agreement, each with its own {@code effective_from}. A period is judged by the
 * version in force when it starts ({@link #inForce}).
 */
public final class AgreementVersions {

    /** One version and the file it was read from. */
    public record Version(Path file, Agreement agreement) {}

    private final Path source;
    private final List<Version> versions;

    private AgreementVersions(Path source, List<Version> versions) {
        this.source = source;
        this.versions = List.copyOf(versions);
    }

    /**
     * Reads {@code --sla}: a file, or every {@code .yaml}, {@code .yml} and {@code .json} file directly in a
     * folder. Every problem of every file is reported together; versions of a folder must share the agreement
     * id and period kind and each declare a distinct {@code effective_from}.
     */
    public static AgreementVersions load(Path sla) {
        if (!Files.isDirectory(sla))
            return new AgreementVersions(sla, List.of(new Version(sla, AgreementParser.load(sla))));
        List<Path> files;
        try (Stream<Path> s = Files.list(sla)) {
            files = s.filter(p -> Files.isRegularFile(p) && isAgreementFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new InputError(InputError.at(sla.toString(), 0, null, "cannot read the folder: " + e.getMessage()));
        }
        if (files.isEmpty()) {
            throw new InputError(
                    InputError.at(sla.toString(), 0, null, "no agreement in this folder (.yaml, .yml or .json files)"));
        }
        List<String> problems = new ArrayList<>();
        List<Version> read = new ArrayList<>();
        for (Path f : files) {
            try {
                read.add(new Version(f, AgreementParser.load(f)));
            } catch (InputError e) {
                problems.addAll(e.lines());
            }
        }
        if (!problems.isEmpty()) throw new InputError(problems);
        if (read.size() > 1) consistent(read, problems);
        if (!problems.isEmpty()) throw new InputError(problems);
        read.sort(Comparator.comparing((Version v) -> v.agreement().effectiveFrom()));
        return new AgreementVersions(sla, read);
    }

    private static boolean isAgreementFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    private static void consistent(List<Version> read, List<String> problems) {
        Version first = read.get(0);
        for (Version v : read) {
            Agreement a = v.agreement();
            if (a.effectiveFrom() == null) {
                problems.add(
                        InputError.at(
                                v.file().toString(),
                                0,
                                "effective_from",
                                "required when a folder holds several versions of an agreement: the date this version takes effect"));
            }
            if (!a.id().equals(first.agreement().id())) {
                problems.add(InputError.at(
                        v.file().toString(),
                        0,
                        "sla",
                        "\"" + a.id() + "\" differs from \"" + first.agreement().id() + "\" in "
                                + first.file().getFileName()
                                + "; a folder holds versions of one agreement only"));
            }
            if (a.period() != first.agreement().period()) {
                problems.add(InputError.at(
                        v.file().toString(),
                        0,
                        "period",
                        a.period().key() + " differs from "
                                + first.agreement().period().key() + " in "
                                + first.file().getFileName()
                                + "; versions of one agreement keep its period so their runs compare"));
            }
        }
        for (int i = 0; i < read.size(); i++) {
            for (int j = 0; j < i; j++) {
                var a = read.get(i).agreement().effectiveFrom();
                if (a != null && a.equals(read.get(j).agreement().effectiveFrom())) {
                    problems.add(InputError.at(
                            read.get(i).file().toString(),
                            0,
                            "effective_from",
                            a + " is also the date of " + read.get(j).file().getFileName()
                                    + "; each version takes effect on its own date"));
                }
            }
        }
    }

    /** The versions, earliest first. */
    public List<Version> all() {
        return versions;
    }

    /** The latest version: the agreement as it stands now. */
    public Version latest() {
        return versions.get(versions.size() - 1);
    }

    /**
     * The version a period is judged by: the latest whose {@code effective_from} is on or before the period's
     * first day; when none is, the earliest, which {@link Agreement#period} accepts only if it takes effect
     * before the period ends.
     */
    public Version inForce(Period p) {
        Version chosen = versions.get(0);
        for (Version v : versions) {
            var from = v.agreement().effectiveFrom();
            if (from != null && !from.isAfter(p.start())) chosen = v;
        }
        return chosen;
    }

    /** The version in force for a {@code --period} label, with the label checked against it. */
    public Version inForce(String label) {
        return inForce(versionless().period(label));
    }

    /** The periods {@code --period} names (one label or FROM..TO), in the agreement's period kind. */
    public List<Period> periods(String text) {
        if (versions.size() == 1) return versions.get(0).agreement().periods(text);
        // any version may judge a period of the range: check the labels against the kind, not one version's start
        List<Period> out = new ArrayList<>();
        for (Period p : versionless().periods(text)) {
            inForce(p).agreement().period(p.label());
            out.add(p);
        }
        return List.copyOf(out);
    }

    /** The earliest version, whose effective_from bounds every period a folder can judge. */
    private Agreement versionless() {
        return versions.get(0).agreement();
    }

    /** What {@code --sla} named. */
    public Path source() {
        return source;
    }
}
