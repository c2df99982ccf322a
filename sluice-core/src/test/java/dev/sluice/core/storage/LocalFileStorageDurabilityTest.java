package dev.sluice.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flushed dead letter must survive a power loss: flush forces the file (and its name) to disk.
 */
class LocalFileStorageDurabilityTest {
  @TempDir Path dir;
  private final List<Path> forced = new ArrayList<>();
  private final LocalFileStorage storage = new LocalFileStorage(forced::add);

  @Test
  void flushForcesTheFileAndTheFirstTimeItsDirectory() throws Exception {
    Path file = dir.resolve("dead/w1.ndjson");
    try (OutputStream out = storage.createOwnerOnly(file.toString())) {
      out.write("{\"v\":1}\n".getBytes(StandardCharsets.UTF_8));
      assertThat(forced).as("nothing is forced before a flush").isEmpty();
      out.flush();
      assertThat(forced).containsExactly(file, file.getParent().toAbsolutePath());
      out.write("{\"v\":1}\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertThat(forced).containsExactly(file, file.getParent().toAbsolutePath(), file);
    }
    assertThat(Files.readAllLines(file)).hasSize(2);
  }

  @Test
  void moveRenamesIntoANewDirectoryAndRefusesToOverwrite() throws Exception {
    Path from = dir.resolve("staging/a.ndjson");
    storage.replace(from.toString(), "a".getBytes(StandardCharsets.UTF_8));
    Path to = dir.resolve("store/a.ndjson");

    storage.move(from.toString(), to.toString());

    assertThat(Files.readString(to)).isEqualTo("a");
    assertThat(Files.exists(from)).isFalse();
    assertThat(forced).contains(to.getParent());
    storage.replace(from.toString(), "b".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> storage.move(from.toString(), to.toString()))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(to)).isEqualTo("a");
  }

  @Test
  void deleteRemovesADirectoryWithWhatIsInItAndIgnoresWhatIsMissing() throws Exception {
    storage.replace(dir.resolve("staging/job/a.ndjson").toString(), new byte[] {1});
    storage.replace(dir.resolve("staging/job/b.ndjson").toString(), new byte[] {2});

    storage.delete(dir.resolve("staging/job").toString());
    storage.delete(dir.resolve("staging/nothing").toString());

    assertThat(Files.exists(dir.resolve("staging/job"))).isFalse();
    assertThat(Files.exists(dir.resolve("staging"))).isTrue();
  }
}
