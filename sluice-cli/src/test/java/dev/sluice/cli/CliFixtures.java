package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.testkit.EsHandle;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What the CLI's integration tests share: inputs, {@code sluice load}'s arguments, the index and
 * the dead letters a run left.
 */
final class CliFixtures {
  private CliFixtures() {}

  /** Writes {@code rows} lines, {@code line.apply(i)} each, and returns {@code file}. */
  static Path lines(Path file, int rows, IntFunction<String> line) throws Exception {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < rows; i++) {
        out.write(line.apply(i));
        out.write('\n');
      }
    }
    return file;
  }

  /** {@code sluice load} in this JVM, ids from the field {@code id}, quiet, runs under out. */
  static CliRun load(EsHandle es, Path input, String index, Path out, String... options) {
    return load(es.url(), input, index, out, options);
  }

  /** As {@link #load(EsHandle, Path, String, Path, String...)}, to the cluster at {@code url}. */
  static CliRun load(String url, Path input, String index, Path out, String... options) {
    List<String> quiet = new ArrayList<>(List.of(options));
    quiet.add("--quiet");
    return CliRun.of(loadArgs(url, input, index, out, quiet.toArray(String[]::new)));
  }

  /** The arguments of {@code sluice load}: ids from the field {@code id}, runs under out. */
  static String[] loadArgs(String url, Path input, String index, Path out, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "load",
                "--input",
                input.toString(),
                "--index",
                index,
                "--id-field",
                "id",
                "--es",
                url,
                "--out",
                out.toString()));
    args.addAll(List.of(options));
    return args.toArray(String[]::new);
  }

  /** The mapping fix a user makes: {@code field} becomes a known keyword. */
  static void addKeyword(EsHandle es, String index, String field) {
    putMapping(es, index, "{\"properties\":{\"" + field + "\":{\"type\":\"keyword\"}}}");
  }

  static void putMapping(EsHandle es, String index, String mapping) {
    assertThat(es.client().put("/" + index + "/_mapping", mapping).isSuccess())
        .as("mapping of " + index)
        .isTrue();
  }

  /** The documents a search sees now. */
  static long count(EsHandle es, String index) {
    es.client().refresh(index);
    return es.client().count(index);
  }

  /** The published dead letters of a dead-letter directory (or file). */
  static List<DeadLetterRecord> deadLetters(Path location) throws Exception {
    return new DeadLetterReader(new LocalFileStorage()).readAll(location.toString());
  }
}
