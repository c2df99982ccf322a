package dev.sluice.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link ReportPage} as one HTML file that needs nothing else: the text is in the HTML
 * (escaped), the report and the chart series are JSON blocks the inlined uPlot draws from.
 */
final class ReportHtml {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");

  private ReportHtml() {}

  static String render(ReportPage page) {
    List<ReportCharts.Chart> charts = page.charts();
    Map<String, String> slots =
        Map.of(
            "title",
            Html.text("Sluice report: " + page.job() + " into " + page.index()),
            "uplot_css",
            Library.CSS,
            "page_css",
            Library.PAGE_CSS,
            "body",
            new ReportBody(page, charts).html(),
            "report",
            Html.scriptJson(json(page.report())),
            "charts",
            Html.scriptJson(json(Map.of("charts", charts))),
            "uplot_js",
            Library.JS,
            "page_js",
            Library.PAGE_JS);
    // One pass: a value that happens to contain "{{...}}" is never expanded.
    Matcher m = SLOT.matcher(Library.TEMPLATE);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(slots.get(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.format(Locale.ROOT, "%,d", (long) value)
        : String.format(Locale.ROOT, "%,.1f", value);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report page's data could not be written as JSON", e);
    }
  }

  /** The page's fixed parts, read once from the jar. */
  static final class Library {
    static final String TEMPLATE = read("report-page.html");
    static final String PAGE_CSS = read("report-page.css");
    static final String PAGE_JS = script(read("report-page.js"));
    static final String CSS = read("uplot/uPlot.min.css");
    static final String JS =
        "/*\n"
            + read("uplot/LICENSE").replace("*/", "* /")
            + "*/\n"
            + script(read("uplot/uPlot.iife.min.js"));

    private Library() {}

    /** A script to inline: it must not end its element early. */
    private static String script(String js) {
      if (js.toLowerCase(Locale.ROOT).contains("</script")) {
        throw new IllegalStateException("a script of the report page contains </script");
      }
      return js;
    }

    private static String read(String name) {
      try (InputStream in = ReportHtml.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException(
              "the report page's "
                  + name
                  + " is not on the classpath; the build copies it into dev/sluice/core/report");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the report page's " + name, e);
      }
    }
  }
}
