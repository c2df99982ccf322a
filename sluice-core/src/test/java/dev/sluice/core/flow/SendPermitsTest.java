package dev.sluice.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SendPermitsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A clock the script moves. */
  private static final class Manual extends Clock {
    private Instant now = T0;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /**
   * Scripts of steps separated by ";", each {@code op writer[:limit]=answer}: {@code acquire}
   * answers true/false, {@code release}/{@code withdraw}/{@code leave} answer the writers whose
   * turn it is now (comma-separated, "-" for none); {@code wait ms} moves the clock. The limit is 2
   * unless a step says otherwise.
   */
  static Stream<Arguments> scripts() {
    return Stream.of(
        Arguments.of(
            "a lone writer takes every permit", "acquire a=true; acquire a=true; acquire a=false"),
        Arguments.of(
            "a freed permit goes to the first in line, not to a writer that asks later",
            "acquire a=true; acquire b=true; acquire c=false; acquire d=false;"
                + " release a=c; acquire d=false; acquire c=true"),
        Arguments.of(
            "a writer in line keeps its place when it asks again",
            "acquire a=true; acquire b=true; acquire c=false; acquire d=false; acquire c=false;"
                + " release b=c; acquire c=true"),
        Arguments.of(
            "withdrawing hands the turn to the next in line",
            "acquire a=true; acquire b=true; acquire c=false; acquire d=false; release a=c;"
                + " withdraw c=d; acquire d=true"),
        Arguments.of(
            "a writer that ends returns every permit it holds",
            "acquire a=true; acquire a=true; acquire b=false; acquire c=false; leave a=b,c;"
                + " acquire c=true; acquire b=true"),
        Arguments.of(
            "a lower limit lets nothing new start until enough ended",
            "acquire a=true; acquire b=true; acquire c=false; release a:1=-; release b:1=c;"
                + " acquire c:1=true"),
        Arguments.of(
            "a writer that stopped asking loses its place",
            "acquire a=true; acquire b=true; acquire c=false; acquire d=false; wait 999;"
                + " acquire d=false; wait 2; release a=d; acquire d=true"),
        Arguments.of(
            "releasing a permit never held changes nothing",
            "acquire a=true; acquire b=true; acquire c=false; release d=-; acquire c=false"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void followsTheScript(String name, String script) {
    Manual clock = new Manual();
    SendPermits<String> permits = new SendPermits<>(clock);
    for (String step : script.split(";")) {
      String[] words = step.trim().split(" ");
      if (words[0].equals("wait")) {
        clock.now = clock.now.plus(Duration.ofMillis(Long.parseLong(words[1])));
        continue;
      }
      String[] target = words[1].split("=");
      String[] writerLimit = target[0].split(":");
      String writer = writerLimit[0];
      int limit = writerLimit.length > 1 ? Integer.parseInt(writerLimit[1]) : 2;
      Object answer =
          switch (words[0]) {
            case "acquire" -> String.valueOf(permits.acquire(writer, limit));
            case "release" -> turns(permits.release(writer, limit));
            case "withdraw" -> turns(permits.withdraw(writer, limit));
            case "leave" -> turns(permits.leave(writer, limit));
            default -> throw new IllegalArgumentException(step);
          };
      assertThat(answer).as(step).isEqualTo(target[1]);
    }
  }

  private static String turns(List<String> writers) {
    return writers.isEmpty() ? "-" : String.join(",", new ArrayList<>(writers));
  }
}
