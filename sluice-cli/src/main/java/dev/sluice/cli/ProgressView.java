package dev.sluice.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

/**
 * Shows a load's progress: on a terminal one status line that updates in place (JLine's {@link
 * Status}, kept at the bottom while other output scrolls above it), else a plain line every {@value
 * #PLAIN_EVERY_SECONDS} s on stderr, or nothing with {@code --quiet}.
 */
final class ProgressView implements AutoCloseable {
  static final int PLAIN_EVERY_SECONDS = 10;
  private final ScheduledExecutorService ticker;
  private final Runnable finish;

  private ProgressView(ScheduledExecutorService ticker, Runnable finish) {
    this.ticker = ticker;
    this.finish = finish;
  }

  static ProgressView start(Supplier<String> line, boolean quiet, PrintStream plain) {
    if (quiet) {
      return new ProgressView(null, () -> {});
    }
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sluice-progress");
              t.setDaemon(true);
              return t;
            });
    Status status = System.console() == null ? null : terminalStatus();
    if (status == null) {
      ticker.scheduleAtFixedRate(
          () -> plain.println("progress: " + line.get()),
          PLAIN_EVERY_SECONDS,
          PLAIN_EVERY_SECONDS,
          TimeUnit.SECONDS);
      return new ProgressView(ticker, () -> {});
    }
    ticker.scheduleAtFixedRate(
        () -> onTerminal(() -> status.update(List.of(new AttributedString(line.get())))),
        0,
        500,
        TimeUnit.MILLISECONDS);
    return new ProgressView(ticker, () -> onTerminal(status::close));
  }

  /**
   * Draws on the terminal. The line is only a view: a terminal JLine cannot drive after all (its
   * {@code Status} throws when it never got a size) costs the line, never the load.
   */
  private static void onTerminal(Runnable draw) {
    try {
      draw.run();
    } catch (RuntimeException e) {
      // nothing to draw on: the summary at the end says what the load did
    }
  }

  private static Status terminalStatus() {
    try {
      Terminal terminal = TerminalBuilder.builder().system(true).dumb(false).build();
      if (terminal.getType().startsWith("dumb")) {
        return null;
      }
      StatusLine status = new StatusLine(terminal);
      return status.shown() ? status : null;
    } catch (IOException | IllegalStateException e) {
      return null; // not a terminal JLine can drive: plain lines
    }
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      try {
        ticker.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    finish.run();
  }
}
