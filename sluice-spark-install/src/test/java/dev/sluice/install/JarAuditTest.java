package dev.sluice.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.install.samples.UsesJackson;
import dev.sluice.install.samples.UsesOnlyJdk;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of {@link JarAudit}, each broken once in a jar that otherwise keeps them all. */
class JarAuditTest {
  private static final String SOURCE_CLASS = "dev/sluice/spark/SluiceDataSource.class";

  @TempDir Path dir;

  private static byte[] classBytes(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }

  /** A valid class file of the given internal name that extends Object and has no members. */
  private static byte[] emptyClass(String name) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0xCAFEBABE);
    out.writeShort(0);
    out.writeShort(61);
    out.writeShort(5); // constant pool entries 1..4
    out.writeByte(1);
    out.writeUTF(name);
    out.writeByte(7);
    out.writeShort(1);
    out.writeByte(1);
    out.writeUTF("java/lang/Object");
    out.writeByte(7);
    out.writeShort(3);
    out.writeShort(0x0031); // public final super
    out.writeShort(2);
    out.writeShort(4);
    out.writeShort(0); // interfaces
    out.writeShort(0); // fields
    out.writeShort(0); // methods
    out.writeShort(0); // attributes
    return bytes.toByteArray();
  }

  private static String path(Class<?> type) {
    return type.getName().replace('.', '/') + ".class";
  }

  private static byte[] text(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /** A jar that keeps every rule: the data source registered, classes needing only the JDK. */
  private static Map<String, byte[]> goodJar() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("META-INF/MANIFEST.MF", text("Manifest-Version: 1.0\n"));
    entries.put(JarAudit.DATA_SOURCE_SERVICE, text("# comment\n" + JarAudit.DATA_SOURCE + "\n"));
    entries.put(SOURCE_CLASS, emptyClass("dev/sluice/spark/SluiceDataSource"));
    entries.put(path(UsesOnlyJdk.class), classBytes(UsesOnlyJdk.class));
    entries.put(
        "dev/sluice/shaded/com/fasterxml/jackson/core/JsonFactory.class",
        emptyClass("dev/sluice/shaded/com/fasterxml/jackson/core/JsonFactory"));
    entries.put(
        "META-INF/services/dev.sluice.shaded.com.fasterxml.jackson.core.JsonFactory",
        text("dev.sluice.shaded.com.fasterxml.jackson.core.JsonFactory\n"));
    entries.put("dev/sluice/core/version.properties", text("version=1\n"));
    entries.put("META-INF/LICENSE", text("Apache License"));
    return entries;
  }

  private List<String> audit(Map<String, byte[]> entries) throws IOException {
    Path jar = dir.resolve("connector.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return JarAudit.problems(jar);
  }

  private List<String> auditWith(String name, byte[] content) throws IOException {
    Map<String, byte[]> entries = goodJar();
    entries.put(name, content);
    return audit(entries);
  }

  @Test
  void aJarThatKeepsEveryRuleHasNoProblems() throws IOException {
    assertThat(audit(goodJar())).isEmpty();
  }

  @Test
  void aClassOutsideDevSluiceIsAProblem() throws IOException {
    assertThat(
            auditWith(
                "com/fasterxml/jackson/core/JsonFactory.class", classBytes(UsesOnlyJdk.class)))
        .containsExactly("outside dev/sluice/: com/fasterxml/jackson/core/JsonFactory.class");
    assertThat(auditWith("mozilla/public-suffix-list.txt", text("com")))
        .containsExactly("outside dev/sluice/: mozilla/public-suffix-list.txt");
  }

  @Test
  void moduleDescriptorsSignaturesAndMultiReleaseEntriesAreProblems() throws IOException {
    assertThat(auditWith("module-info.class", emptyClass("module-info")))
        .containsExactly("module descriptor module-info.class");
    assertThat(auditWith("META-INF/BC.SF", text("x")))
        .singleElement()
        .asString()
        .startsWith("signature file META-INF/BC.SF");
    assertThat(
            auditWith(
                "META-INF/versions/11/com/fasterxml/jackson/X.class",
                emptyClass("com/fasterxml/jackson/X")))
        .singleElement()
        .asString()
        .startsWith("multi-release entry META-INF/versions/11/com/fasterxml/jackson/X.class");
  }

  @Test
  void aMissingOrWrongDataSourceRegistrationIsAProblem() throws IOException {
    Map<String, byte[]> unregistered = goodJar();
    unregistered.remove(JarAudit.DATA_SOURCE_SERVICE);
    assertThat(audit(unregistered))
        .singleElement()
        .asString()
        .startsWith("no " + JarAudit.DATA_SOURCE_SERVICE);

    assertThat(auditWith(JarAudit.DATA_SOURCE_SERVICE, text("dev.sluice.spark.Other\n")))
        .containsExactlyInAnyOrder(
            "service org.apache.spark.sql.sources.DataSourceRegister names"
                + " dev.sluice.spark.Other, which is not in the jar",
            JarAudit.DATA_SOURCE_SERVICE
                + " does not name dev.sluice.spark.SluiceDataSource: [dev.sluice.spark.Other]");
  }

  @Test
  void anotherLibrarysServiceIsAProblem() throws IOException {
    // Unrelocated, it would become the runtime's SLF4J provider.
    assertThat(
            auditWith(
                "META-INF/services/org.slf4j.spi.SLF4JServiceProvider",
                text("dev.sluice.spark.SluiceDataSource\n")))
        .containsExactly(
            "service org.slf4j.spi.SLF4JServiceProvider is not relocated: it would register in"
                + " the runtime");
  }

  @Test
  void anUnreadableClassFileIsAProblem() throws IOException {
    assertThat(auditWith("dev/sluice/core/Broken.class", text("not a class")))
        .singleElement()
        .asString()
        .startsWith("unreadable class file dev/sluice/core/Broken.class");
  }

  @Test
  void aClassUsingAnUnrelocatedLibraryIsAProblem() throws IOException {
    assertThat(auditWith(path(UsesJackson.class), classBytes(UsesJackson.class)))
        .containsExactly(
            "refers to com/fasterxml/jackson/databind (neither in the jar nor provided by Spark),"
                + " 1 time(s), e.g. com/fasterxml/jackson/databind/ObjectMapper, used by"
                + " dev/sluice/install/samples/UsesJackson");
  }
}
