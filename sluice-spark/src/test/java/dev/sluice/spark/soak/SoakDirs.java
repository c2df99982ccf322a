package dev.sluice.spark.soak;

import java.nio.file.Path;

/** Where one seed keeps its state, the same for every run of it, as a user would resume. */
record SoakDirs(Path work) {
  Path checkpoint() {
    return work.resolve("checkpoint");
  }

  Path deadLetters() {
    return work.resolve("dead");
  }

  Path report() {
    return work.resolve("report.json");
  }

  /** The parent creates this file to make the child cancel its Spark jobs. */
  Path cancelTrigger() {
    return work.resolve("cancel");
  }

  Path log(int run) {
    return work.resolve("run-" + run + ".log");
  }
}
