package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8ScanTest {
  @Test
  void plainRunStopsAtTheFirstByteJsonMustNotCopyAsItIs() {
    Random random = new Random(11);
    byte[] specials = {0, 0x1f, '"', '\\', (byte) 0x80, (byte) 0xff, (byte) 0xc3, '\n'};
    for (int n = 0; n < 200_000; n++) {
      byte[] bytes = new byte[random.nextInt(40)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] =
            random.nextInt(30) == 0
                ? specials[random.nextInt(specials.length)]
                : (byte) (0x20 + random.nextInt(0x60));
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int expected = 0;
      while (from + expected < bytes.length && Utf8Scan.plain(bytes[from + expected])) {
        expected++;
      }
      assertThat(Utf8Scan.plainRun(bytes, from, bytes.length)).isEqualTo(expected);
    }
  }

  @Test
  void plainBytesArePrintableAsciiButQuoteAndBackslash() {
    for (int b = -128; b < 128; b++) {
      boolean expected = b >= 0x20 && b != '"' && b != '\\';
      assertThat(Utf8Scan.plain((byte) b)).as("byte %d", b).isEqualTo(expected);
    }
  }
}
