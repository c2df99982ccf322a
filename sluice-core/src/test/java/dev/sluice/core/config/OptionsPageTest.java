package dev.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The option tables of {@code docs/coming-from-elasticsearch-hadoop.md} are rendered from {@link
 * ConfigKeys}, so the page cannot fall behind the code: this test fails when they differ, and
 * rewrites them when run with {@code -Dsluice.docs.update=true}.
 */
class OptionsPageTest {
  private static final Path PAGE = Path.of("..", "docs", "coming-from-elasticsearch-hadoop.md");
  private static final String BEGIN =
      "<!-- options: generated from ConfigKeys by OptionsPageTest -->";
  private static final String END = "<!-- end of generated options -->";

  @Test
  void theMigrationPageListsEveryOptionAsTheCodeClassifiesIt() throws IOException {
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    assertThat(begin).as("the page's generated-options markers").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String rendered = BEGIN + "\n" + render() + END;
    String updated = page.substring(0, begin) + rendered + page.substring(end + END.length());
    if (Boolean.getBoolean("sluice.docs.update")) {
      Files.writeString(PAGE, updated, StandardCharsets.UTF_8);
      return;
    }
    assertThat(page)
        .as(
            "the page's option tables are out of date; run mvn -B -ntp test -pl sluice-core -am"
                + " -Dtest=OptionsPageTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dsluice.docs.update=true")
        .isEqualTo(updated);
  }

  static String render() {
    StringBuilder out = new StringBuilder();
    out.append("\n#### elasticsearch-hadoop's options that Sluice implements\n\n");
    out.append("| option | default | what it does in Sluice |\n|---|---|---|\n");
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      if (key.name().startsWith("es.")) {
        out.append(row(key));
      }
    }
    out.append(
        "\n#### elasticsearch-hadoop's options that Sluice does not implement\n\n"
            + "*Refused*: an error before any task starts (honouring it would change the documents"
            + " written), unless the value given is one listed, which is what Sluice does anyway."
            + " *Ignored*: a warning, the documents written are the same.\n\n");
    out.append("| option | Sluice | values accepted as they are | why |\n|---|---|---|---|\n");
    for (UnimplementedOption option : ConfigKeys.UNIMPLEMENTED) {
      out.append("| `")
          .append(option.pattern())
          .append("` | ")
          .append(option.effect() == UnimplementedOption.Effect.REFUSED ? "refused" : "ignored")
          .append(" | ")
          .append(
              option.honoured().isEmpty()
                  ? ""
                  : String.join(
                      ", ",
                      option.honoured().stream()
                          .sorted()
                          .map(v -> v.isEmpty() ? "(empty)" : "`" + v + "`")
                          .toList()))
          .append(" | ")
          .append(cell(option.reason()))
          .append(" |\n");
    }
    out.append("\n#### Sluice's own options\n\n");
    out.append("| option | default | what it does |\n|---|---|---|\n");
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      if (!key.name().startsWith("es.")) {
        out.append(row(key));
      }
    }
    List<String> renamed =
        ConfigKeys.RENAMED.entrySet().stream()
            .sorted(java.util.Map.Entry.comparingByKey())
            .map(e -> "`" + e.getKey() + "` is read as `" + e.getValue().name() + "`")
            .toList();
    if (!renamed.isEmpty()) {
      out.append("\nOld names: ").append(String.join("; ", renamed)).append(".\n");
    }
    out.append("\n");
    return out.toString();
  }

  private static String row(ConfigKey<?> key) {
    return "| `"
        + key.name()
        + "` | "
        + (key.defaultText() == null ? "" : "`" + key.defaultText() + "`")
        + " | "
        + cell(key.description())
        + (key.secret() ? " (secret: `env:`/`file:` references, redacted everywhere)" : "")
        + " |\n";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
