package io.vigil.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository documents itself: no file refers to documents outside it. The public contract lives in docs/, so only
 * docs/ may name its own files; every other file points at docs/README.md or a named docs/ page.
 */
class SelfContainedRepositoryTest {

    /** References to documents outside the repository (the needles are split so that this file does not match). */
    static final Pattern OUTSIDE = Pattern.compile("(?i)\\.\\./" + "shared|shared/" + "docs|\\bthe " + "seed\\b|"
            + "seed" + "'s\\b|team " + "brief|contract " + "section|section \\d+ of the " + "contract");
    /** The contract's file name, allowed only inside docs/. */
    static final Pattern CONTRACT_FILE = Pattern.compile("(?i)contract" + "\\.md");

    @Test
    void noTrackedFileRefersToDocumentsOutsideTheRepository() {
        List<String> offences = new ArrayList<>();
        for (String path : RepositoryFiles.tracked()) {
            String text = RepositoryFiles.text(path);
            if (text == null) {
                continue;
            }
            offences.addAll(find(path, text, OUTSIDE));
            if (!path.startsWith("docs/")) {
                offences.addAll(find(path, text, CONTRACT_FILE));
            }
        }
        assertThat(offences).as("references to outside documents (write docs/<page>.md or neutral wording)")
                .isEmpty();
    }

    @Test
    void theRuleCatchesEveryKindOfOutsideReference() {
        for (String bad : List.of("see ../" + "shared/x", "the " + "Seed says", "as the " + "seed" + "'s table",
                "(contract " + "section 2)", "section 3 of the " + "contract", "the team " + "brief")) {
            assertThat(find("x.java", bad, OUTSIDE)).as(bad).hasSize(1);
        }
        for (String fine : List.of("processor.seeded(p)", "docs/agent-protocol.md, Activation", "DSM's table")) {
            assertThat(find("x.java", fine, OUTSIDE)).as(fine).isEmpty();
        }
        assertThat(find("README.md", "[x](docs/contract" + ".md)", CONTRACT_FILE)).hasSize(1);
    }

    static List<String> find(String path, String text, Pattern pattern) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            found.add(path + ":" + line + ": " + m.group());
        }
        return found;
    }
}
