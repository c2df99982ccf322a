package dev.sluice.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What a connector jar must be to be attached to any Spark cluster: everything of its own under
 * {@code dev/sluice/}, every class it uses either inside or provided by the runtime (the JDK,
 * Spark, Scala, Hadoop, SLF4J), its data source registered, and nothing that makes a JVM refuse or
 * misread it (module descriptors, signatures, multi-release variants, other libraries' services).
 */
final class JarAudit {
  static final String OWN = "dev/sluice/";
  static final String DATA_SOURCE_SERVICE =
      "META-INF/services/org.apache.spark.sql.sources.DataSourceRegister";
  static final String DATA_SOURCE = "dev.sluice.spark.SluiceDataSource";

  /** Packages a Spark runtime provides, so the jar may use them without carrying them. */
  static final List<String> PROVIDED =
      List.of(
          "java/",
          "javax/",
          "jdk/",
          "sun/",
          "com/sun/",
          "org/w3c/",
          "org/xml/",
          "org/ietf/",
          "org/apache/spark/",
          "scala/",
          "org/apache/hadoop/",
          "org/slf4j/");

  private final JarFile jar;
  private final Set<String> classes = new TreeSet<>();
  private final List<String> problems = new ArrayList<>();

  private JarAudit(JarFile jar) {
    this.jar = jar;
  }

  /** Every way the jar breaks the rules, one line each; empty when it keeps them all. */
  static List<String> problems(Path path) throws IOException {
    try (JarFile jar = new JarFile(path.toFile())) {
      JarAudit audit = new JarAudit(jar);
      audit.run();
      return audit.problems;
    }
  }

  private void run() throws IOException {
    List<JarEntry> entries = new ArrayList<>();
    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
      JarEntry entry = e.nextElement();
      if (!entry.isDirectory()) {
        entries.add(entry);
        if (entry.getName().endsWith(".class")) {
          classes.add(entry.getName().substring(0, entry.getName().length() - 6));
        }
      }
    }
    for (JarEntry entry : entries) {
      checkPlace(entry.getName());
    }
    for (JarEntry entry : entries) {
      if (entry.getName().startsWith("META-INF/services/")) {
        checkService(entry);
      }
    }
    if (jar.getEntry(DATA_SOURCE_SERVICE) == null) {
      problems.add("no " + DATA_SOURCE_SERVICE + ": format(\"sluice\") would not be found");
    }
    checkReferences(entries);
  }

  private void checkPlace(String name) {
    String file = name.substring(name.lastIndexOf('/') + 1);
    if (file.equals("module-info.class")) {
      problems.add("module descriptor " + name);
    } else if (name.startsWith("META-INF/versions/")) {
      problems.add("multi-release entry " + name + " (the shade plugin does not relocate these)");
    } else if (name.startsWith("META-INF/") && file.matches("(?i).+\\.(sf|dsa|rsa|ec)")) {
      problems.add("signature file " + name + " (the rewritten classes no longer match it)");
    } else if (!name.startsWith("META-INF/") && !name.startsWith(OWN)) {
      problems.add("outside " + OWN + ": " + name);
    }
  }

  private void checkService(JarEntry entry) throws IOException {
    String service = entry.getName().substring("META-INF/services/".length());
    if (!entry.getName().equals(DATA_SOURCE_SERVICE) && !service.startsWith("dev.sluice.")) {
      problems.add("service " + service + " is not relocated: it would register in the runtime");
    }
    List<String> providers = providers(entry);
    for (String provider : providers) {
      if (!classes.contains(provider.replace('.', '/'))) {
        problems.add("service " + service + " names " + provider + ", which is not in the jar");
      }
    }
    if (entry.getName().equals(DATA_SOURCE_SERVICE) && !providers.contains(DATA_SOURCE)) {
      problems.add(DATA_SOURCE_SERVICE + " does not name " + DATA_SOURCE + ": " + providers);
    }
  }

  private List<String> providers(JarEntry entry) throws IOException {
    List<String> providers = new ArrayList<>();
    try (InputStream in = jar.getInputStream(entry)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String provider = line.replaceAll("#.*", "").strip();
        if (!provider.isEmpty()) {
          providers.add(provider);
        }
      }
    }
    return providers;
  }

  /** One problem per missing package, naming a class that needs it. */
  private void checkReferences(List<JarEntry> entries) throws IOException {
    Map<String, String> missing = new TreeMap<>();
    Map<String, Integer> users = new LinkedHashMap<>();
    for (JarEntry entry : entries) {
      String name = entry.getName();
      if (!name.endsWith(".class")
          || name.startsWith("META-INF/")
          || name.endsWith("module-info.class")) {
        continue;
      }
      String user = name.substring(0, name.length() - 6);
      Set<String> uses;
      try (InputStream in = jar.getInputStream(entry)) {
        uses = ClassReferences.of(in.readAllBytes());
      } catch (IOException e) {
        problems.add("unreadable class file " + name + ": " + e);
        continue;
      }
      for (String used : uses) {
        if (!classes.contains(used) && PROVIDED.stream().noneMatch(used::startsWith)) {
          String pkg = used.contains("/") ? used.substring(0, used.lastIndexOf('/')) : used;
          missing.putIfAbsent(pkg, used + ", used by " + user);
          users.merge(pkg, 1, Integer::sum);
        }
      }
    }
    missing.forEach(
        (pkg, example) ->
            problems.add(
                "refers to "
                    + pkg
                    + " (neither in the jar nor provided by Spark), "
                    + users.get(pkg)
                    + " time(s), e.g. "
                    + example));
  }
}
