package dev.sluice.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseSizeHintTest {
  private final ResponseBodyConsumer.SizeHint hint = new ResponseBodyConsumer.SizeHint();

  @Test
  void beforeAnyResponseABufferStartsSmall() {
    assertThat(hint.expected(5_000_000)).isEqualTo(8 * 1024);
    assertThat(hint.expected(-1)).isEqualTo(8 * 1024);
  }

  @Test
  void aLargerRequestGetsALargerBufferInProportionToTheLastResponse() {
    hint.observe(1_000_000, 90_000); // 0.09 response bytes per request byte
    // Each with an eighth to spare, so that a response a little larger than the last fits.
    assertThat(hint.expected(1_000_000)).isEqualTo(101_250);
    assertThat(hint.expected(4_000_000)).isEqualTo(405_000);
    assertThat(hint.expected(4_000_000)).isGreaterThan(360_000); // what that response will hold
  }

  @Test
  void aRequestOfUnknownLengthGetsTheLastResponsesSizeAndAnEighth() {
    hint.observe(1_000_000, 90_000);
    assertThat(hint.expected(-1)).isEqualTo(101_250);
    hint.observe(-1, 16_000); // a request without a body keeps the ratio
    assertThat(hint.expected(-1)).isEqualTo(18_000);
    assertThat(hint.expected(2_000_000)).isEqualTo(202_500);
  }

  @Test
  void aResponseLargerThanItsRequestDoesNotMakeTheNextBufferLargerThanItsRequest() {
    hint.observe(1_000, 1_000_000); // a long error for a tiny body
    assertThat(hint.expected(5_000_000)).isEqualTo(5_000_000);
    assertThat(hint.expected(1_000_000_000)).isEqualTo(ResponseBodyConsumer.LIMIT);
    hint.observe(-1, 100_000_000);
    assertThat(hint.expected(-1)).isEqualTo(ResponseBodyConsumer.LIMIT);
    hint.observe(1_000, 10);
    assertThat(hint.expected(100)).isEqualTo(8 * 1024);
  }
}
