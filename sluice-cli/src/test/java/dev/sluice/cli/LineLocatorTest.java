package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineLocatorTest {
  private static long[] locate(String file, String... records) throws Exception {
    return LineLocator.locate(new BufferedReader(new StringReader(file)), List.of(records));
  }

  @Test
  void eachRecordGetsItsLineAndIdenticalRecordsSuccessiveOnes() throws Exception {
    String file = "{\"a\":1}\n{bad\n{\"a\":2}\r\n{bad\n{\"a\":3\n";
    assertThat(locate(file, "{bad", "{\"a\":3", "{bad")).containsExactly(2, 5, 4);
  }

  @Test
  void crlfLinesMatchAndAMissingRecordIsZero() throws Exception {
    assertThat(locate("h\r\nx,1\r\ny,zz\r\n", "y,zz", "not there")).containsExactly(3, 0);
  }
}
