package dev.sluice.core.report;

import dev.sluice.core.DeadLetterToleranceException;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * How a run ended, as its report says it. Declared in increasing precedence: when several causes
 * are seen, the later constant wins.
 */
public enum RunEnding {
  /** Every task committed and the job's commit succeeded. */
  FINISHED("finished"),
  /** An error stopped it: a fatal cluster fault, an exhausted retry budget, a bug, a lost node. */
  FAILED("failed"),
  /** Someone stopped it: a Spark job cancel, a task kill, an interrupt. */
  CANCELLED("cancelled"),
  /** More documents were rejected than {@code sluice.deadletter.max.*} allows. */
  STOPPED_BY_TOLERANCE("stopped by tolerance");

  private static final Set<String> CANCELLATIONS =
      Set.of(InterruptedException.class.getName(), CancellationException.class.getName());

  private final String label;

  RunEnding(String label) {
    this.label = label;
  }

  /** The words a person reads ("stopped by tolerance"). */
  public String label() {
    return label;
  }

  /** The value in the JSON report ("stopped_by_tolerance"). */
  public String key() {
    return label.replace(' ', '_');
  }

  /**
   * How a run ended that did not finish. The tolerance stop wins over a cancel, because stopping
   * one task makes Spark kill the others; a cancel wins over an unknown cause.
   *
   * @param exceptionClass the class name of the exception that stopped it, as Spark reports a
   *     task's failure; null when none is known
   * @param cancelled whether Spark cancelled the job or killed its tasks
   */
  public static RunEnding ofFailure(String exceptionClass, boolean cancelled) {
    if (DeadLetterToleranceException.class.getName().equals(exceptionClass)) {
      return STOPPED_BY_TOLERANCE;
    }
    if (cancelled || (exceptionClass != null && CANCELLATIONS.contains(exceptionClass))) {
      return CANCELLED;
    }
    return FAILED;
  }

  /** How a run ended that threw {@code failure} (null: it finished); its causes are looked at. */
  public static RunEnding of(Throwable failure) {
    if (failure == null) {
      return FINISHED;
    }
    RunEnding ending = FAILED;
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      RunEnding here = ofFailure(t.getClass().getName(), false);
      if (here.compareTo(ending) > 0) {
        ending = here;
      }
    }
    return ending;
  }
}
