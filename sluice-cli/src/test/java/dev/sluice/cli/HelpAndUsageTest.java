package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class HelpAndUsageTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "load",
        "resume",
        "status",
        "dead-letters inspect",
        "dead-letters replay",
        "quickstart"
      })
  void everyHelpListsTheExitCodes(String command) {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    String[] args = (command + " --help").split(" ");
    assertThat(cli.execute(args)).isZero();
    assertThat(out.toString())
        .contains("Exit codes:")
        .containsPattern("\\s3\\s+finished, with dead letters")
        .containsPattern("\\s4\\s+stopped by the dead-letter tolerance or the retry budget")
        .containsPattern("130\\s+cancelled \\(Ctrl-C\\)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "load --index orders", // --input missing
        "load --input a.json --index orders --no-such-option",
        "resume",
        "dead-letters inspect /x --limit many"
      })
  void aBadCommandLineIsExitCodeTwo(String line) {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute(line.split(" "))).isEqualTo(2);
    assertThat(err.toString()).isNotBlank().doesNotContain("\tat ");
  }
}
