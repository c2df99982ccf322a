package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VersionTest {
  @Test
  void versionIsTheBuildsVersion() {
    StringWriter out = new StringWriter();
    CommandLine command = Main.commandLine();
    command.setOut(new PrintWriter(out));

    assertThat(command.execute("--version")).isZero();
    assertThat(out.toString().strip())
        .isEqualTo("sluice " + System.getProperty("sluice.build.version"));
  }
}
