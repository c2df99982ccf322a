package dev.sluice.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.DeadLetterToleranceException;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.core.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterStoreTest {
  @TempDir Path dir;
  private final LocalFileStorage storage = new LocalFileStorage();

  private static DeadLetterRecord record(String id, byte[] source) {
    return new DeadLetterRecord(
        1,
        "idx",
        id,
        "index",
        400,
        "mapper_parsing_exception",
        "bad field",
        1,
        Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:00:01Z"),
        "row " + id,
        "w1",
        source);
  }

  @Test
  void writesOwnerOnlyNdjsonInBatchesAndReadsItBack() throws Exception {
    Path sub = dir.resolve("dead");
    NdjsonDeadLetterStore store = new NdjsonDeadLetterStore(storage, sub.toString(), "w1", 2);
    store.write(record("1", "{\"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8)));
    assertThat(store.location()).isNull(); // nothing written before the first batch is full
    store.write(record("2", new byte[] {(byte) 0xff, 'x'}));
    assertThat(store.location()).isEqualTo(sub.resolve("w1.ndjson").toString());
    store.write(record("3", null));
    store.close();

    Path file = Path.of(store.location());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readAllLines(file)).hasSize(3);
    assertThat(Files.readAllLines(file).get(0)).contains("\"source\":{\"a\": [1, 2]}");

    List<DeadLetterRecord> back = new DeadLetterReader(storage).readAll(sub.toString());
    assertThat(back).extracting(DeadLetterRecord::id).containsExactly("1", "2", "3");
    assertThat(new String(back.get(0).source(), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\": [1, 2]}");
    assertThat(back.get(1).source()).containsExactly((byte) 0xff, 'x');
    assertThat(back.get(2).source()).isNull();
    DeadLetterRecord first = back.get(0);
    assertThat(first.reason()).isEqualTo("bad field");
    assertThat(first.position()).isEqualTo("row 1");
    assertThat(first.firstAttempt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void aSecondRunNeverOverwritesTheFirst() throws Exception {
    for (int run = 0; run < 2; run++) {
      NdjsonDeadLetterStore store = new NdjsonDeadLetterStore(storage, dir.toString(), "w1", 10);
      store.write(record("r" + run, null));
      store.close();
    }
    assertThat(storage.list(dir.toString()))
        .containsExactly(
            dir.resolve("w1-1.ndjson").toString(), dir.resolve("w1.ndjson").toString());
    assertThat(new DeadLetterReader(storage).readAll(dir.toString())).hasSize(2);
  }

  @Test
  void anIncompleteLastLineIsSkippedButABadLineElsewhereIsAnError() throws Exception {
    NdjsonDeadLetterStore store = new NdjsonDeadLetterStore(storage, dir.toString(), "w1", 10);
    store.write(record("1", null));
    store.write(record("2", null));
    store.close();
    Path file = Path.of(store.location());
    byte[] whole = Files.readAllBytes(file);
    int secondLineStart = new String(whole, StandardCharsets.UTF_8).indexOf('\n') + 1;
    // A crash while writing the second record leaves half of it.
    Files.write(file, java.util.Arrays.copyOf(whole, secondLineStart + 20));

    DeadLetterReader reader = new DeadLetterReader(storage);
    assertThat(reader.readAll(dir.toString()))
        .extracting(DeadLetterRecord::id)
        .containsExactly("1");

    Files.write(
        file,
        ("{\"v\":1,\"id\":\"torn\n" + new String(whole, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> reader.readAll(dir.toString())).hasMessageContaining(file + " line 1");
  }

  @Test
  void onAStoreThatLosesOpenFilesEveryFlushClosesItsFile() throws Exception {
    Storage objectStoreLike =
        new Storage() {
          @Override
          public OutputStream createOwnerOnly(String location) throws IOException {
            return storage.createOwnerOnly(location);
          }

          @Override
          public InputStream open(String location) throws IOException {
            return storage.open(location);
          }

          @Override
          public boolean exists(String location) {
            return storage.exists(location);
          }

          @Override
          public List<String> list(String directory) throws IOException {
            return storage.list(directory);
          }

          @Override
          public String child(String directory, String name) {
            return storage.child(directory, name);
          }

          @Override
          public void replace(String location, byte[] content) throws IOException {
            storage.replace(location, content);
          }

          @Override
          public void move(String from, String to) throws IOException {
            storage.move(from, to);
          }

          @Override
          public void delete(String location) throws IOException {
            storage.delete(location);
          }

          @Override
          public boolean flushSurvivesCrash(String directory) {
            return false;
          }
        };
    NdjsonDeadLetterStore store =
        new NdjsonDeadLetterStore(objectStoreLike, dir.toString(), "w1", 2);
    for (int i = 0; i < 5; i++) {
      store.write(record("r" + i, null));
    }
    // Two flushed batches are in two closed files already; the fifth record waits for close.
    assertThat(storage.list(dir.toString()))
        .containsExactly(
            dir.resolve("w1-1.ndjson").toString(), dir.resolve("w1.ndjson").toString());
    store.close();
    assertThat(storage.list(dir.toString())).hasSize(3);
    assertThat(store.location()).isEqualTo(dir.toString());
    assertThat(new DeadLetterReader(storage).readAll(dir.toString()))
        .extracting(DeadLetterRecord::id)
        .containsExactlyInAnyOrder("r0", "r1", "r2", "r3", "r4");
  }

  @Test
  void nothingWrittenMeansNoFile() throws Exception {
    NdjsonDeadLetterStore store = new NdjsonDeadLetterStore(storage, dir.toString(), "w1", 10);
    store.close();
    assertThat(store.location()).isNull();
    assertThat(storage.list(dir.toString())).isEmpty();
  }

  @Test
  void toleranceByCount() {
    DeadLetterTolerance tolerance = new DeadLetterTolerance(5, 1.0, 1);
    tolerance.check(5, 10, Map.of());
    assertThatThrownBy(() -> tolerance.check(6, 10, Map.of("mapper_parsing_exception", 6L)))
        .isInstanceOf(DeadLetterToleranceException.class)
        .hasMessageContaining("sluice.deadletter.max.count=5")
        .hasMessageContaining("mapper_parsing_exception (6)");
  }

  @Test
  void toleranceByRatioWaitsForEnoughDocuments() {
    DeadLetterTolerance tolerance = new DeadLetterTolerance(-1, 0.1, 1000);
    tolerance.check(999, 999, Map.of()); // the first bad documents alone prove nothing yet
    assertThatThrownBy(() -> tolerance.check(1000, 1000, Map.of("mapper_parsing_exception", 1000L)))
        .isInstanceOf(DeadLetterToleranceException.class)
        .hasMessageContaining("1000 of the first 1000")
        .hasMessageContaining("sluice.deadletter.max.ratio=0.1");
    tolerance.check(100, 1000, Map.of());
  }
}
