package dev.sluice.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Which fields of a row are written ({@code es.mapping.include}, {@code es.mapping.exclude}),
 * matched exactly as elasticsearch-hadoop matches them, so a job keeps its documents: a path is
 * dotted ({@code a.b}, arrays are transparent), {@code *} matches any run of characters, an
 * exclusion wins over an inclusion, and a struct is kept when an inclusion names a field inside it.
 * As in elasticsearch-hadoop, including a struct by its own name ({@code a}) keeps the struct but
 * none of its fields; {@code a.*} keeps them all.
 */
final class FieldFilter implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Writes every field. */
  static final FieldFilter ALL = new FieldFilter(List.of(), List.of());

  private final List<String> includes;
  private final List<String> excludes;

  private FieldFilter(List<String> includes, List<String> excludes) {
    this.includes = List.copyOf(includes);
    this.excludes = List.copyOf(excludes);
  }

  /** Both lists as the options give them: comma-separated, blanks ignored. */
  static FieldFilter of(String includes, String excludes) {
    return new FieldFilter(tokens(includes), tokens(excludes));
  }

  boolean isEmpty() {
    return includes.isEmpty() && excludes.isEmpty();
  }

  List<String> includes() {
    return includes;
  }

  List<String> excludes() {
    return excludes;
  }

  /** Whether the field at {@code path} (dotted from the document's root) is written. */
  boolean keeps(String path) {
    if (isEmpty()) {
      return true;
    }
    for (String exclude : excludes) {
      if (matches(exclude, path)) {
        return false;
      }
    }
    if (includes.isEmpty()) {
      return true;
    }
    boolean insideAnInclude = false;
    for (String include : includes) {
      if (include.charAt(0) == '*' && matches(include, path)) {
        return true;
      }
      if (include.startsWith(path)) {
        if (include.length() == path.length()) {
          return true;
        }
        if (include.charAt(path.length()) == '.') {
          // "a.b" is included: keep writing "a", whose field "b" may be there.
          insideAnInclude = true;
          continue;
        }
      }
      if (matches(include, path)) {
        return true;
      }
    }
    return insideAnInclude;
  }

  /** {@code *} matches any run of characters (dots too); everything else matches itself. */
  static boolean matches(String pattern, String text) {
    int star = pattern.indexOf('*');
    if (star < 0) {
      return pattern.equals(text);
    }
    if (!text.startsWith(pattern.substring(0, star))) {
      return false;
    }
    String rest = pattern.substring(star + 1);
    for (int from = star; from <= text.length(); from++) {
      if (matches(rest, text.substring(from))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> tokens(String list) {
    List<String> tokens = new ArrayList<>();
    if (list != null) {
      for (String token : list.split(",")) {
        if (!token.isBlank()) {
          tokens.add(token.trim());
        }
      }
    }
    return tokens;
  }
}
