package dev.l2r.compile;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;

/** Builds a throw-away KieBase from DRL text and collects what its rules add to the global list {@code out}. */
final class Drools {

    private static int builds;

    private Drools() {}

    static List<String> fire(String drl, List<?> facts) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId rid = ks.newReleaseId("dev.l2r.test", "t" + (++builds), "1.0.0");
        kfs.generateAndWritePomXML(rid);
        kfs.write("src/main/resources/t/t.drl", drl);
        KieBuilder b = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = b.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) throw new AssertionError("DRL does not compile: " + errors + "\n" + drl);
        KieBase kb = ks.newKieContainer(rid).getKieBase();
        KieSession s = kb.newKieSession();
        List<String> out = new ArrayList<>();
        s.setGlobal("out", out);
        facts.forEach(s::insert);
        s.fireAllRules();
        s.dispose();
        return out;
    }
}
