package dev.sluice.core.checkpoint;

/** {@link PartitionCheckpointing#none()}: sends every row, records nothing. */
enum NoCheckpoint implements PartitionCheckpointing {
  INSTANCE;

  @Override
  public void write(ConvertedRow row, Sink sink) throws InterruptedException {
    sink.send(row);
  }

  @Override
  public void endOfInput(Sink sink) {}

  @Override
  public void settled(long seq, boolean deadLettered) {}

  @Override
  public long skipped() {
    return 0;
  }

  @Override
  public void committed() {}

  @Override
  public void aborted() {}
}
