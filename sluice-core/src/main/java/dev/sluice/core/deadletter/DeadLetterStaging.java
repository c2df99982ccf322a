package dev.sluice.core.deadletter;

import dev.sluice.core.storage.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dead letters of one job, staged per task attempt until the job commits.
 *
 * <pre>
 * &lt;directory&gt;/&lt;writer id&gt;.ndjson                   the store: what readers read
 * &lt;directory&gt;/_staging/&lt;job&gt;/&lt;writer id&gt;.ndjson    an attempt's dead letters, not yet the store's
 * </pre>
 *
 * Every task attempt writes into the staging directory ({@link #attemptStorage}); readers list only
 * the files of the directory itself, so they never see staged records. When the job commits, the
 * files of the one attempt per partition whose result Spark kept are moved into the store ({@link
 * #publish}) and then the rest of the staging directory is deleted ({@link #discard}): the records
 * of a failed or duplicate (speculative) attempt never reach the store, so each bad row is there
 * once. If the driver dies half way, the store holds whole attempts only and never two of one
 * partition; a resumed checkpointed job adopts what is still staged ({@link
 * dev.sluice.core.checkpoint.PriorDeadLetters#adopt}), and its commit finishes the publication.
 */
public final class DeadLetterStaging {
  private static final String STAGING = "_staging";

  private final Storage storage;
  private final String directory;
  private final DeadLetterNames names;

  public DeadLetterStaging(Storage storage, String directory, DeadLetterNames names) {
    this.storage = storage;
    this.directory = directory;
    this.names = names;
  }

  public Storage storage() {
    return storage;
  }

  /** The store: {@code sluice.deadletter.path}. */
  public String directory() {
    return directory;
  }

  public DeadLetterNames names() {
    return names;
  }

  public String stagingDirectory() {
    return storage.child(storage.child(directory, STAGING), names.job());
  }

  /** The storage for a task attempt's loader: what it writes to the store is staged instead. */
  public Storage attemptStorage() {
    return new StagingStorage(storage, directory, stagingDirectory());
  }

  /**
   * Moves the staged files of the given attempts into the store.
   *
   * @return where each attempt's dead letters are now, by writer id: its file, or the store's
   *     directory when it wrote several; attempts without dead letters are left out
   */
  public Map<String, String> publish(Collection<String> writerIds) throws IOException {
    Set<String> wanted = Set.copyOf(writerIds);
    Map<String, List<String>> filesByWriter = new HashMap<>();
    for (String file : storage.list(stagingDirectory())) {
      String writerId = DeadLetterNames.writerOf(DeadLetterNames.fileName(file), wanted);
      if (writerId != null) {
        filesByWriter.computeIfAbsent(writerId, w -> new ArrayList<>()).add(file);
      }
    }
    Map<String, String> published = new HashMap<>();
    for (Map.Entry<String, List<String>> attempt : filesByWriter.entrySet()) {
      String last = null;
      for (String file : attempt.getValue()) {
        last = storage.child(directory, DeadLetterNames.fileName(file));
        storage.move(file, last);
      }
      published.put(attempt.getKey(), attempt.getValue().size() == 1 ? last : directory);
    }
    return published;
  }

  /** Deletes what is still staged: the dead letters of attempts that were not published. */
  public void discard() throws IOException {
    storage.delete(stagingDirectory());
  }

  /** The files in the store that hold dead letters of this job, of every partition. */
  public List<String> publishedFilesOfJob() throws IOException {
    return filesOfJob(directory);
  }

  /** The staged files of every attempt in this job, of every partition. */
  public List<String> stagedFilesOfJob() throws IOException {
    return filesOfJob(stagingDirectory());
  }

  private List<String> filesOfJob(String dir) throws IOException {
    return storage.list(dir).stream()
        .filter(f -> names.isFileOfJob(DeadLetterNames.fileName(f)))
        .toList();
  }

  /** Whether anything is staged (after a failed job: where its dead letters wait). */
  public boolean hasStaged() throws IOException {
    return !storage.list(stagingDirectory()).isEmpty();
  }
}
