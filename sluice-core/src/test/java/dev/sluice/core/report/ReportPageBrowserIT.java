package dev.sluice.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.storage.LocalFileStorage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a written report.html in headless Chromium (Debian's {@code chromium}, which {@code
 * .ci/run} installs): the page's script must run without an error and draw every chart. Without
 * Chromium it fails, unless {@code -Dsluice.skip.browser=true} says to skip it.
 */
class ReportPageBrowserIT {
  private static final Pattern BODY = Pattern.compile("<body([^>]*)>");

  @Test
  void theChartsDrawInARealBrowserWithoutErrors(@TempDir Path dir) throws Exception {
    Path chromium = chromium();
    Path json = dir.resolve("report.json");
    RunReport report = SampleReports.loaded(Map.of("es.net.http.auth.pass", "<redacted>")).build();
    RunReportWriter.write(new LocalFileStorage(), json.toString(), report);
    Path page = dir.resolve("report.html");
    int charts = ReportPage.of(new ObjectMapper().readTree(json.toFile())).charts().size();

    Run dom = run(chromium, dir, "--dump-dom", page.toUri().toString());
    Path screenshot = dir.resolve("report.png");
    Run shot =
        run(
            chromium,
            dir,
            "--screenshot=" + screenshot,
            "--window-size=1100,2400",
            page.toUri().toString());

    for (Run r : List.of(dom, shot)) {
      assertThat(r.stderr()).as("the browser's console").doesNotContain("Uncaught");
    }
    Matcher body = BODY.matcher(dom.stdout());
    assertThat(body.find()).as("a body in the DOM Chromium dumped").isTrue();
    assertThat(body.group(1))
        .contains("data-rendered=\"true\"")
        .contains("data-charts-drawn=\"" + charts + "\"");
    // throughput, per partition, five over time, dead letters
    assertThat(charts).isGreaterThanOrEqualTo(8);
    // uPlot draws each chart on a canvas of its own.
    assertThat(dom.stdout().split("<canvas", -1)).hasSize(charts + 1);
    assertThat(dom.stdout()).contains("data-points=\"6\""); // the throughput steps
    for (String overTime : List.of("docs-over-time", "batch-bytes", "in-flight", "retries")) {
      // six 1 s buckets and the last one's end, drawn on a canvas
      assertThat(dom.stdout())
          .containsPattern(
              "id=\"chart-"
                  + overTime
                  + "\"[^>]*data-points=\"7\"|data-points=\"7\"[^>]*id=\"chart-"
                  + overTime
                  + "\"");
    }
    assertThat(dom.stdout())
        .contains("<h3>Sample dead letters</h3>")
        .contains("<td>{\"price\":\"abc\"}</td>");
    assertThat(Files.size(screenshot)).as("the screenshot").isGreaterThan(10_000);
  }

  private record Run(String stdout, String stderr) {}

  private static Run run(Path chromium, Path dir, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(chromium.toString());
    command.addAll(
        List.of(
            "--headless",
            "--disable-gpu",
            "--no-sandbox", // tests may run as root, where Chromium's sandbox refuses to start
            "--no-first-run",
            "--user-data-dir=" + dir.resolve("profile"),
            "--enable-logging=stderr",
            "--v=0"));
    command.addAll(List.of(args));
    File out = dir.resolve("chromium.out").toFile();
    File err = dir.resolve("chromium.err").toFile();
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out)
            .redirectError(err)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("Chromium did not finish within 120 s: " + command);
    }
    String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
    String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("Chromium's exit code; its stderr: %s", stderr).isZero();
    return new Run(stdout, stderr);
  }

  private static Path chromium() {
    Optional<Path> found =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .flatMap(d -> Stream.of("chromium", "chromium-browser").map(n -> Path.of(d, n)))
            .filter(Files::isExecutable)
            .findFirst();
    if (found.isPresent()) {
      return found.get();
    }
    if (Boolean.getBoolean("sluice.skip.browser")) {
      Assumptions.abort("no Chromium, and -Dsluice.skip.browser=true");
    }
    return fail(
        "ReportPageBrowserIT needs Chromium on the PATH to open report.html: install it"
            + " (apt-get install -y chromium; .ci/run does) or run with"
            + " -Dsluice.skip.browser=true to skip this test");
  }
}
