package dev.sluice.testkit.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Which {@link Fault} each matching request gets. Immutable.
 *
 * <ul>
 *   <li>{@link #random()} then {@link #with(double, Fault)}: each matching request draws one fault
 *       with the given probabilities (their sum at most 1; the rest passes unchanged).
 *   <li>{@link #script(Fault...)}: the n-th matching request gets the n-th fault, then every later
 *       one passes. For exact tests.
 * </ul>
 *
 * <p>The n-th matching request (counted from 0 in arrival order) draws from a {@link Random} seeded
 * by the proxy's seed and n, so a given seed always produces the same sequence of faults, and the
 * same item choices for {@link Fault#item429(double)}.
 */
public final class FaultPlan {
  private static final double TOLERANCE = 1e-9;

  private final List<Double> probabilities;
  private final List<Fault> faults;
  private final boolean scripted;

  private FaultPlan(List<Double> probabilities, List<Fault> faults, boolean scripted) {
    this.probabilities = List.copyOf(probabilities);
    this.faults = List.copyOf(faults);
    this.scripted = scripted;
  }

  /** Every request passes unchanged. */
  public static FaultPlan none() {
    return random();
  }

  /** A random plan with no faults yet; add them with {@link #with(double, Fault)}. */
  public static FaultPlan random() {
    return new FaultPlan(List.of(), List.of(), false);
  }

  /** Every matching request gets {@code fault}. */
  public static FaultPlan always(Fault fault) {
    return random().with(1.0, fault);
  }

  /** The n-th matching request gets {@code faults[n]}; requests after the last one pass. */
  public static FaultPlan script(Fault... faults) {
    List<Fault> list = List.of(faults); // rejects null elements
    return new FaultPlan(List.of(), list, true);
  }

  /**
   * This random plan plus {@code fault} drawn with {@code probability}.
   *
   * @throws IllegalArgumentException if the probability is outside [0, 1], the sum would exceed 1,
   *     or this plan is a script
   */
  public FaultPlan with(double probability, Fault fault) {
    Objects.requireNonNull(fault, "fault");
    if (scripted) {
      throw new IllegalArgumentException(
          "with(probability, fault) needs a random() plan, not a script");
    }
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException(
          "probability of " + fault + " must be in [0, 1], was " + probability);
    }
    double sum = probabilities.stream().mapToDouble(Double::doubleValue).sum() + probability;
    if (sum > 1 + TOLERANCE) {
      throw new IllegalArgumentException("fault probabilities add up to " + sum + ", more than 1");
    }
    List<Double> newProbabilities = new ArrayList<>(probabilities);
    newProbabilities.add(probability);
    List<Fault> newFaults = new ArrayList<>(faults);
    newFaults.add(fault);
    return new FaultPlan(newProbabilities, newFaults, false);
  }

  /**
   * The fault for the {@code ordinal}-th matching request, drawing from {@code random} if needed.
   */
  Fault choose(long ordinal, Random random) {
    if (scripted) {
      return ordinal < faults.size() ? faults.get((int) ordinal) : Fault.pass();
    }
    double draw = random.nextDouble();
    double cumulative = 0;
    for (int i = 0; i < faults.size(); i++) {
      cumulative += probabilities.get(i);
      if (draw < cumulative) {
        return faults.get(i);
      }
    }
    return Fault.pass();
  }

  @Override
  public String toString() {
    if (scripted) {
      return "FaultPlan.script" + faults;
    }
    StringBuilder text = new StringBuilder("FaultPlan.random[");
    for (int i = 0; i < faults.size(); i++) {
      text.append(i == 0 ? "" : ", ")
          .append(probabilities.get(i))
          .append(" -> ")
          .append(faults.get(i));
    }
    return text.append(']').toString();
  }
}
