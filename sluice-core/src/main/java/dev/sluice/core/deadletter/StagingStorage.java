package dev.sluice.core.deadletter;

import dev.sluice.core.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * What a task attempt's loader writes its dead letters through: the dead-letter directory it is
 * configured with is, in this view, the attempt's staging directory. Everything else is the
 * underlying storage.
 */
final class StagingStorage implements Storage {
  private final Storage storage;
  private final String directory;
  private final String staging;

  StagingStorage(Storage storage, String directory, String staging) {
    this.storage = storage;
    this.directory = directory;
    this.staging = staging;
  }

  private String redirect(String location) {
    return location.equals(directory) ? staging : location;
  }

  @Override
  public OutputStream createOwnerOnly(String location) throws IOException {
    return storage.createOwnerOnly(redirect(location));
  }

  @Override
  public InputStream open(String location) throws IOException {
    return storage.open(redirect(location));
  }

  @Override
  public boolean flushSurvivesCrash(String directory) {
    return storage.flushSurvivesCrash(redirect(directory));
  }

  @Override
  public boolean exists(String location) throws IOException {
    return storage.exists(redirect(location));
  }

  @Override
  public List<String> list(String directory) throws IOException {
    return storage.list(redirect(directory));
  }

  @Override
  public String child(String directory, String name) {
    return storage.child(redirect(directory), name);
  }

  @Override
  public void move(String from, String to) throws IOException {
    storage.move(redirect(from), redirect(to));
  }

  @Override
  public void delete(String location) throws IOException {
    storage.delete(redirect(location));
  }

  @Override
  public void replace(String location, byte[] content) throws IOException {
    storage.replace(redirect(location), content);
  }
}
