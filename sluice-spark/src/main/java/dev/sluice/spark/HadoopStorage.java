package dev.sluice.spark;

import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.core.storage.Storage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

/**
 * {@link Storage} on a Hadoop FileSystem URI ({@code dbfs:}, {@code s3a:}, {@code abfss:}, {@code
 * hdfs:} ...), configured like Spark's own file sources: Hadoop defaults plus the session's {@code
 * spark.hadoop.*} settings.
 *
 * <p>Atomicity of {@link #replace}: on object stores without rename (s3a, gs, wasb, oss) the file
 * is written in place with overwrite: the object appears in one PUT when the stream closes, so a
 * reader sees the old object or the new, never a part. Everywhere else (HDFS, ABFS with
 * hierarchical namespace, DBFS) the content goes to a temporary {@code .<name>.<uuid>.tmp} in the
 * same directory and is renamed over the target with {@code FileContext.rename(OVERWRITE)}, which
 * is atomic where the store's rename is. Dead-letter files are appended and become visible on
 * object stores only when closed.
 */
final class HadoopStorage implements Storage, Serializable {
  private static final long serialVersionUID = 1L;
  private static final FsPermission OWNER_FILE = new FsPermission((short) 0600);
  private static final FsPermission OWNER_DIR = new FsPermission((short) 0700);
  private static final Set<String> HFLUSH_DURABLE = Set.of("hdfs", "viewfs", "abfs", "abfss");
  private static final Set<String> NO_RENAME = Set.of("s3a", "s3", "s3n", "gs", "wasb", "oss");

  private transient Configuration conf;

  /** Local paths and {@code file:} URIs go to {@link LocalFileStorage}, the rest to Hadoop. */
  static Storage forLocation(String location) {
    String scheme = URI.create(location.replace(" ", "%20")).getScheme();
    boolean local =
        scheme == null || scheme.length() == 1 /* a Windows drive */ || scheme.equals("file");
    return local ? new LocalFileStorage() : new HadoopStorage();
  }

  @Override
  public OutputStream createOwnerOnly(String location) throws IOException {
    Path path = new Path(location);
    FileSystem fs = fs(path);
    if (fs.exists(path)) {
      throw new FileAlreadyExistsException(location);
    }
    fs.mkdirs(path.getParent(), OWNER_DIR);
    try {
      return new SyncOnFlush(
          fs.create(
              path,
              OWNER_FILE,
              false,
              64 * 1024,
              fs.getDefaultReplication(path),
              fs.getDefaultBlockSize(path),
              null));
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(location);
    }
  }

  /**
   * True only where {@code hflush} is known to push bytes out of this process (HDFS, ABFS). Object
   * stores keep nothing of a file until its stream closes, Hadoop's checksummed local file system
   * buffers, and an unknown store is treated the safe way: its writers close a file per flush.
   */
  @Override
  public boolean flushSurvivesCrash(String directory) {
    String scheme = new Path(directory).toUri().getScheme();
    return scheme != null && HFLUSH_DURABLE.contains(scheme.toLowerCase(Locale.ROOT));
  }

  @Override
  public InputStream open(String location) throws IOException {
    Path path = new Path(location);
    try {
      return fs(path).open(path);
    } catch (FileNotFoundException e) {
      throw new NoSuchFileException(location);
    }
  }

  @Override
  public boolean exists(String location) throws IOException {
    Path path = new Path(location);
    return fs(path).exists(path);
  }

  @Override
  public List<String> list(String directory) throws IOException {
    Path dir = new Path(directory);
    FileSystem fs = fs(dir);
    List<String> files = new ArrayList<>();
    try {
      for (FileStatus status : fs.listStatus(dir)) {
        if (status.isFile()) {
          files.add(status.getPath().toString());
        }
      }
    } catch (FileNotFoundException e) {
      return List.of();
    }
    files.sort(null);
    return files;
  }

  @Override
  public String child(String directory, String name) {
    return new Path(new Path(directory), name).toString();
  }

  /**
   * A rename where the store has one (atomic on HDFS and ABFS); s3a and the like copy and delete,
   * so a crash can leave the file in both places. {@code FileSystem.rename}, which every store
   * implements, says only true or false; the names moved are unique, so checking first is enough.
   */
  @Override
  public void move(String from, String to) throws IOException {
    Path source = new Path(from);
    Path target = new Path(to);
    FileSystem fs = fs(target);
    if (fs.exists(target)) {
      throw new FileAlreadyExistsException(to);
    }
    fs.mkdirs(target.getParent(), OWNER_DIR);
    if (!fs.rename(source, target)) {
      throw new IOException("could not move " + from + " to " + to);
    }
  }

  @Override
  public void delete(String location) throws IOException {
    Path path = new Path(location);
    fs(path).delete(path, true);
  }

  @Override
  public void replace(String location, byte[] content) throws IOException {
    Path target = new Path(location);
    FileSystem fs = fs(target);
    fs.mkdirs(target.getParent(), OWNER_DIR);
    String scheme = fs.getUri().getScheme();
    if (scheme != null && NO_RENAME.contains(scheme.toLowerCase(Locale.ROOT))) {
      write(fs, target, content, true);
      return;
    }
    Path temp =
        new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    try {
      write(fs, temp, content, false);
      FileContext.getFileContext(target.toUri(), conf())
          .rename(temp, target, Options.Rename.OVERWRITE);
    } catch (IOException | RuntimeException e) {
      fs.delete(temp, false);
      throw e;
    }
  }

  private static void write(FileSystem fs, Path path, byte[] content, boolean overwrite)
      throws IOException {
    try (var out =
        fs.create(
            path,
            OWNER_FILE,
            overwrite,
            64 * 1024,
            fs.getDefaultReplication(path),
            fs.getDefaultBlockSize(path),
            null)) {
      out.write(content);
      out.hsync();
    }
  }

  private FileSystem fs(Path path) throws IOException {
    return path.getFileSystem(conf());
  }

  private synchronized Configuration conf() {
    if (conf == null) {
      Configuration c = new Configuration();
      SparkEnv env = SparkEnv.get();
      if (env != null) {
        for (Tuple2<String, String> entry : env.conf().getAll()) {
          if (entry._1().startsWith("spark.hadoop.")) {
            c.set(entry._1().substring("spark.hadoop.".length()), entry._2());
          }
        }
      }
      conf = c;
    }
    return conf;
  }
}
