package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.storage.LocalFileStorage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.hadoop.fs.Syncable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hadoop FileSystem storage, through Hadoop's own local file system. */
class HadoopStorageTest {
  @TempDir Path dir;

  private String uri(String name) {
    return dir.resolve(name).toUri().toString();
  }

  private static String read(HadoopStorage storage, String location) throws Exception {
    try (InputStream in = storage.open(location)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void replaceSwapsTheWholeFileAndLeavesNoTemporaryFile() throws Exception {
    HadoopStorage storage = new HadoopStorage();
    String file = storage.child(uri("cp"), "part-00001.json");

    storage.replace(file, "first".getBytes(StandardCharsets.UTF_8));
    storage.replace(file, "second".getBytes(StandardCharsets.UTF_8));

    assertThat(read(storage, file)).isEqualTo("second");
    assertThat(storage.list(uri("cp")))
        .filteredOn(f -> !f.substring(f.lastIndexOf('/') + 1).startsWith("."))
        .containsExactly(file);
  }

  @Test
  void createRefusesAnExistingFileAndOpenNamesAMissingOne() throws Exception {
    HadoopStorage storage = new HadoopStorage();
    String file = storage.child(uri("dead"), "w1.ndjson");
    try (OutputStream out = storage.createOwnerOnly(file)) {
      out.write('x');
    }

    assertThat(storage.exists(file)).isTrue();
    assertThatThrownBy(() -> storage.createOwnerOnly(file))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThatThrownBy(() -> storage.open(storage.child(uri("dead"), "nope")))
        .isInstanceOf(NoSuchFileException.class);
    assertThat(storage.list(uri("no-such-dir"))).isEmpty();
  }

  @Test
  void localLocationsUseLocalFilesAndOthersHadoop() {
    assertThat(HadoopStorage.forLocation("/tmp/x")).isInstanceOf(LocalFileStorage.class);
    assertThat(HadoopStorage.forLocation("file:/tmp/x")).isInstanceOf(LocalFileStorage.class);
    assertThat(HadoopStorage.forLocation("s3a://bucket/x")).isInstanceOf(HadoopStorage.class);
    assertThat(HadoopStorage.forLocation("dbfs:/x")).isInstanceOf(HadoopStorage.class);
  }

  @Test
  void onlyStoresKnownToHflushKeepFlushedBytesOfAnOpenFile() {
    HadoopStorage storage = new HadoopStorage();
    assertThat(storage.flushSurvivesCrash("hdfs://namenode/dead")).isTrue();
    assertThat(storage.flushSurvivesCrash("abfss://c@account.dfs.core.windows.net/dead")).isTrue();
    // Object stores keep nothing until close; Hadoop's checksummed local file system buffers
    // what hflush would not push; unknown stores are treated the safe way.
    assertThat(storage.flushSurvivesCrash("s3a://bucket/dead")).isFalse();
    assertThat(storage.flushSurvivesCrash("gs://bucket/dead")).isFalse();
    assertThat(storage.flushSurvivesCrash(uri("dead"))).isFalse();
    assertThat(storage.flushSurvivesCrash("dbfs:/dead")).isFalse();
  }

  @Test
  void moveRefusesToOverwriteAndDeleteTakesADirectoryWhole() throws Exception {
    HadoopStorage storage = new HadoopStorage();
    String staged = storage.child(uri("dead/_staging/job"), "w1.ndjson");
    storage.replace(staged, "a".getBytes(StandardCharsets.UTF_8));
    String published = storage.child(uri("dead"), "w1.ndjson");

    storage.move(staged, published);
    storage.replace(staged, "b".getBytes(StandardCharsets.UTF_8));

    assertThat(read(storage, published)).isEqualTo("a");
    assertThatThrownBy(() -> storage.move(staged, published))
        .isInstanceOf(FileAlreadyExistsException.class);
    storage.delete(uri("dead/_staging/job"));
    assertThat(storage.exists(staged)).isFalse();
    assertThat(storage.exists(published)).isTrue();
  }

  @Test
  void flushSyncsWhereTheStreamCanAndHflushesWhereItCanOnlyDoThat() throws Exception {
    Recording syncable = new Recording("hsync", "hflush");
    new SyncOnFlush(new FSDataOutputStream(syncable, null)).flush();
    Recording hflushOnly = new Recording("hflush");
    new SyncOnFlush(new FSDataOutputStream(hflushOnly, null)).flush();
    Recording plain = new Recording();
    new SyncOnFlush(new FSDataOutputStream(plain, null)).flush();

    assertThat(syncable.calls).containsExactly("hsync");
    assertThat(hflushOnly.calls).containsExactly("hflush");
    assertThat(plain.calls).containsExactly("flush");
  }

  /** An output stream of a file system, recording which of its durability calls were made. */
  private static final class Recording extends ByteArrayOutputStream
      implements Syncable, StreamCapabilities {
    private final Set<String> capabilities;
    final List<String> calls = new ArrayList<>();

    Recording(String... capabilities) {
      this.capabilities = Set.of(capabilities);
    }

    @Override
    public boolean hasCapability(String capability) {
      return capabilities.contains(capability);
    }

    @Override
    public void hflush() {
      calls.add("hflush");
    }

    @Override
    public void hsync() {
      calls.add("hsync");
    }

    @Override
    public void flush() {
      calls.add("flush");
    }
  }
}
