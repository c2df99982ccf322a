package dev.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OptionSuggestionTest {
  @Test
  void suggestsTheClosestKnownKey() {
    assertThat(OptionSuggestion.forName("sluice.bulk.concurency"))
        .isEqualTo("; did you mean sluice.bulk.concurrency?");
    assertThat(OptionSuggestion.forName("sluice.retry.budgte"))
        .isEqualTo("; did you mean sluice.retry.budget?");
  }

  @Test
  void pointsToTheReadmeWhenNothingIsClose() {
    assertThat(OptionSuggestion.forName("sluice.make.it.fast"))
        .isEqualTo("; see the list of sluice.* options in the README.");
  }

  @Test
  void distanceCountsEdits() {
    assertThat(OptionSuggestion.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(OptionSuggestion.distance("", "abc")).isEqualTo(3);
    assertThat(OptionSuggestion.distance("same", "same")).isZero();
  }
}
