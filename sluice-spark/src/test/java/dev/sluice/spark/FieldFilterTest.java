package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cases elasticsearch-hadoop's FieldFilterTest pins, as one table: same inputs, same answer.
 */
class FieldFilterTest {

  @ParameterizedTest(name = "{0} with include [{1}] exclude [{2}] -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "foo.bar     |                           |           | true",
        "foo.bar     | bar                       |           | false",
        "fo          | foo.bar.baz               |           | false",
        "foo         | foo.bar.baz               |           | true",
        "foo.ba      | foo.bar.baz               |           | false",
        "foo.bar     | foo.bar.baz               |           | true",
        "foo.bar.ba  | foo.bar.baz               |           | false",
        "foo.bar.baz | foo.bar.baz               |           | true",
        "foo.bar.baz.qux | foo.bar.baz           |           | false",
        "foo.bar     | foo.bar                   |           | true",
        "foo.bar     | foo                       |           | false",
        "foo.bar     | foo.*                     |           | true",
        "foo.bar     | *.bar                     |           | true",
        "foo.bar.taz | foo.*ar.taz               |           | true",
        "foo.bar.taz | foo.br*.taz               |           | false",
        "foo.bar     |                           | foo       | true",
        "foo         |                           | foo       | false",
        "foo.bar     |                           | foo.bar   | false",
        "foo.bar     |                           | foo*      | false",
        "foo.bar     |                           | *.bar     | false",
        "foo.bar.taz |                           | foo.*.taz | false",
        "foo.bar     | 'foo,foo.bar'             | foo.bar   | false",
        "foo.bar.taz | foo.bar.*                 | foo.*.taz | false",
        "foo.bar     | foo.bar                   | foo.*     | false",
        "nested.what | nested.bar                |           | false",
        "id          |                           | ' id , '  | false",
        "name        | ' name ,, other'          |           | true",
        "a.b.c       | a**c                      |           | true",
      })
  void keepsWhatElasticsearchHadoopKeeps(
      String path, String includes, String excludes, boolean kept) {
    assertThat(FieldFilter.of(includes, excludes).keeps(path)).isEqualTo(kept);
  }
}
