package dev.l2r.cli;

import dev.l2r.ingest.profile.Profile;
import dev.l2r.ingest.profile.ProfileParser;
import dev.l2r.ingest.profile.Profiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code l2r profiles}: the mapping profiles that ship, and the files each expects. */
@Command(name = "profiles", mixinStandardHelpOptions = true, description = "List the mapping profiles for CRM exports.")
final class ProfilesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (Path f : Profiles.shipped()) {
            Profile p = ProfileParser.load(f);
            System.out.println(p.name() + " - " + p.title());
            for (Profile.Source s : p.sources().values()) {
                String role = s.join() == null
                        ? "leads, one row each"
                        : s.isHistory() ? "history, joined on " + s.join() : "joined on " + s.join();
                System.out.println("    " + s.alias() + ": " + String.join(", ", s.match()) + " (" + role + ")");
            }
        }
        return 0;
    }
}
