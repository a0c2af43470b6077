package io.vigil.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every relative link in the root README and in docs/*.md points at a file or directory of the repository. */
class MarkdownLinksTest {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]\\n]*]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolves() {
        List<String> documents = RepositoryFiles.tracked().stream()
                .filter(p -> p.equals("README.md") || p.matches("docs/[^/]+\\.md")).toList();
        assertThat(documents).contains("README.md", "docs/README.md", "docs/contract" + ".md");
        List<String> broken = new ArrayList<>();
        for (String document : documents) {
            broken.addAll(brokenLinks(document, RepositoryFiles.text(document)));
        }
        assertThat(broken).as("relative Markdown links without a target").isEmpty();
    }

    @Test
    void aLinkToAMissingFileIsFound() {
        assertThat(brokenLinks("docs/README.md", "[a](events.md) [b](../README.md#x) [c](https://example.org/y)"))
                .isEmpty();
        assertThat(brokenLinks("docs/README.md", "see [gone](no-such-page.md#part)"))
                .containsExactly("docs/README.md -> no-such-page.md#part");
    }

    static List<String> brokenLinks(String document, String text) {
        List<String> broken = new ArrayList<>();
        Path dir = HelmChart.ROOT.resolve(document).getParent();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String target = m.group(1);
            if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*") || target.startsWith("#")) {
                continue;
            }
            String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
            if (!Files.exists(dir.resolve(file).normalize())) {
                broken.add(document + " -> " + target);
            }
        }
        return broken;
    }
}
