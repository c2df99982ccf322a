package dev.sluice.core;

/** Receives live counters, about once a second and at the end, on the loader's own thread. */
public interface LoadListener {
  default void onProgress(LoadCounters snapshot) {}

  LoadListener NONE = new LoadListener() {};
}
