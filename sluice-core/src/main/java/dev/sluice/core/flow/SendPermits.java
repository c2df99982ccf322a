package dev.sluice.core.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job's requests in flight, as permits its writers take turns for. Each writer keeping one
 * request of its own in flight made 8 writers send 8 small requests at a write queue of 2, whose
 * items the node rejected by the dozen; a job-wide limit sends a few big requests instead, which
 * the node takes or refuses whole.
 *
 * <p>Turns are first come, first served: a writer that asks while the permits are taken waits in
 * line, and a freed permit goes to the first in line (the others cannot jump ahead). A writer holds
 * a permit only while its request is in flight, never while it waits for anything else, so no
 * writer waits on another's waiting. A writer in line that stops asking (its loop stalled, or it
 * ended without saying so) loses its place after {@link #STALE}, so it cannot hold up the line.
 *
 * <p>Not thread-safe: its owner ({@link FlowHints.Job}) calls it under its lock. Decisions only;
 * the owner wakes the writers it names.
 *
 * @param <W> what identifies a writer
 */
final class SendPermits<W> {
  /** A writer in line asks again at least this often (its loop wakes every 200 ms at most). */
  static final Duration STALE = Duration.ofSeconds(1);

  private final Clock clock;
  private final Map<W, Integer> held = new HashMap<>();
  private final LinkedHashMap<W, Instant> line = new LinkedHashMap<>();
  private int inFlight;

  SendPermits(Clock clock) {
    this.clock = clock;
  }

  /**
   * One more request for {@code writer}, with at most {@code limit} in flight for the whole job.
   * True: it holds one more permit, until {@link #release}. False: it waits in line (and is woken
   * when its turn comes).
   */
  boolean acquire(W writer, int limit) {
    Instant now = dropStale();
    int free = limit - inFlight;
    int place = position(writer);
    if (free > 0 && place < free) {
      line.remove(writer);
      held.merge(writer, 1, Integer::sum);
      inFlight++;
      return true;
    }
    line.put(writer, now); // keeps its place if in line already
    return false;
  }

  /** One of {@code writer}'s requests ended. Returns the writers whose turn it is now. */
  List<W> release(W writer, int limit) {
    Integer mine = held.get(writer);
    if (mine != null) {
      if (mine == 1) {
        held.remove(writer);
      } else {
        held.put(writer, mine - 1);
      }
      inFlight--;
    }
    return turns(limit);
  }

  /** {@code writer} has nothing to send now: it leaves the line, to those behind it. */
  List<W> withdraw(W writer, int limit) {
    return line.remove(writer) == null ? List.of() : turns(limit);
  }

  /** {@code writer} ended: its permits go back, and it leaves the line. */
  List<W> leave(W writer, int limit) {
    line.remove(writer);
    Integer mine = held.remove(writer);
    if (mine != null) {
      inFlight -= mine;
    }
    return turns(limit);
  }

  boolean waiting(W writer) {
    return line.containsKey(writer);
  }

  int held(W writer) {
    return held.getOrDefault(writer, 0);
  }

  int inFlight() {
    return inFlight;
  }

  /** Those in line who may take a free permit now. */
  List<W> turns(int limit) {
    dropStale();
    int free = limit - inFlight;
    List<W> turns = new ArrayList<>();
    for (W waiting : line.keySet()) {
      if (turns.size() >= free) {
        break;
      }
      turns.add(waiting);
    }
    return turns;
  }

  private Instant dropStale() {
    Instant now = clock.instant();
    line.values().removeIf(asked -> asked.plus(STALE).isBefore(now));
    return now;
  }

  /** Place in line; a writer not in line would come after everyone in it. */
  private int position(W writer) {
    int place = 0;
    for (W waiting : line.keySet()) {
      if (waiting.equals(writer)) {
        return place;
      }
      place++;
    }
    return place;
  }
}
