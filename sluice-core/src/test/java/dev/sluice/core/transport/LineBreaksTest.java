package dev.sluice.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineBreaksTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void findsTheFirstLineBreakWhereverItIs() {
    for (int length = 0; length < 40; length++) {
      byte[] plain = utf8("x".repeat(length));
      assertThat(LineBreaks.first(plain, 0, plain.length)).isEqualTo(-1);
      for (int at = 0; at < length; at++) {
        for (byte lineBreak : new byte[] {'\n', '\r'}) {
          byte[] source = plain.clone();
          source[at] = lineBreak;
          if (at + 3 < length) {
            source[at + 3] = '\n';
          }
          assertThat(LineBreaks.first(source, 0, source.length)).isEqualTo(at);
        }
      }
    }
    // Bytes one bit away from CR or LF, and UTF-8 bytes with those low bits, are not line breaks.
    byte[] near = {0x0b, 0x0c, 0x0e, 0x08, 0x09, 0x1a, 0x1d, (byte) 0x8a, (byte) 0x8d, 0x00, 'a'};
    assertThat(LineBreaks.first(near, 0, near.length)).isEqualTo(-1);
    byte[] accented = utf8("{\"t\":\"\u00e9\u20ac\"}");
    assertThat(LineBreaks.first(accented, 0, accented.length)).isEqualTo(-1);
  }

  @Test
  void findsWhatAByteByByteLookFindsInAnyBytes() {
    SplittableRandom random = new SplittableRandom(23);
    byte[] alphabet = {
      '\n', '\r', '\t', 0x00, 0x1f, ' ', 'a', (byte) 0x80, (byte) 0x8a, (byte) 0xff
    };
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = new byte[random.nextInt(40)];
      for (int i = 0; i < bytes.length; i++) {
        // Mostly plain text, sometimes a control or high byte.
        bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'x';
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int expected = -1;
      for (int i = from; i < bytes.length && expected < 0; i++) {
        expected = bytes[i] == '\n' || bytes[i] == '\r' ? i : -1;
      }
      assertThat(LineBreaks.first(bytes, from, bytes.length)).isEqualTo(expected);
    }
  }

  @Test
  void looksOnlyWithinTheRangeItIsGiven() {
    byte[] bytes = utf8("\nabcdefghij\rklmnopqrstuvwxyz\n");
    assertThat(LineBreaks.first(bytes, 1, bytes.length)).isEqualTo(11);
    assertThat(LineBreaks.first(bytes, 12, bytes.length)).isEqualTo(bytes.length - 1);
    assertThat(LineBreaks.first(bytes, 1, 11)).isEqualTo(-1);
    assertThat(LineBreaks.first(bytes, 12, bytes.length - 1)).isEqualTo(-1);
  }

  @Test
  void aSourceOnOneLineIsKeptAndAnyOtherCopiedWithSpaces() {
    byte[] compact = utf8("{\"x\":1}");
    byte[] pretty = utf8("{\n  \"x\": 1\r\n}");
    assertThat(LineBreaks.singleLine(compact)).isSameAs(compact);
    assertThat(new String(LineBreaks.singleLine(pretty), StandardCharsets.UTF_8))
        .isEqualTo("{   \"x\": 1  }");
    assertThat(new String(pretty, StandardCharsets.UTF_8)).contains("\n"); // the caller's is kept
  }
}
