package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EsHandleTest {
  @Test
  void indexPrefixIsALegalLowerCaseIndexName() {
    assertThat(EsHandle.indexPrefix("LoaderIT-resumes_After Crash(1)"))
        .isEqualTo("t-loaderit-resumes-after-crash-1");
    assertThat(EsHandle.indexPrefix("___")).isEqualTo("t-test");
    assertThat(EsHandle.indexPrefix("x".repeat(500))).hasSizeLessThanOrEqualTo(82);
  }
}
