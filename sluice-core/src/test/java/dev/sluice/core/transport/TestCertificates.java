package dev.sluice.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test CA, a node certificate it signed for IP 127.0.0.1 only (so "localhost" is a wrong host
 * name), and an unrelated CA; all made with the JDK's own keytool.
 */
final class TestCertificates {
  static final String PASSWORD = "store-pass-1";

  final Path caPem;
  final Path caTruststore;
  final Path otherCaPem;
  final Path nodeKeystore;

  private TestCertificates(Path dir) {
    this.caPem = dir.resolve("ca.pem");
    this.caTruststore = dir.resolve("ca-truststore.p12");
    this.otherCaPem = dir.resolve("other-ca.pem");
    this.nodeKeystore = dir.resolve("http.p12");
  }

  static TestCertificates create(Path dir) throws Exception {
    TestCertificates c = new TestCertificates(dir);
    Path ca = dir.resolve("ca.p12");
    Path other = dir.resolve("other.p12");
    Path csr = dir.resolve("http.csr");
    Path signed = dir.resolve("http.crt");
    genKeyPair(ca, "ca", "CN=Sluice Test CA", "bc:c");
    keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-file", c.caPem);
    genKeyPair(other, "other", "CN=Some Other CA", "bc:c");
    keytool("-exportcert", "-rfc", "-alias", "other", "-keystore", other, "-file", c.otherCaPem);
    genKeyPair(c.nodeKeystore, "http", "CN=sluice-test-node", null);
    keytool("-certreq", "-alias", "http", "-keystore", c.nodeKeystore, "-file", csr);
    keytool(
        "-gencert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        ca,
        "-infile",
        csr,
        "-outfile",
        signed,
        "-validity",
        "2",
        "-ext",
        "san=ip:127.0.0.1",
        "-ext",
        "eku=serverAuth");
    keytool(
        "-importcert", "-noprompt", "-alias", "ca", "-keystore", c.nodeKeystore, "-file", c.caPem);
    keytool("-importcert", "-alias", "http", "-keystore", c.nodeKeystore, "-file", signed);
    keytool("-delete", "-alias", "ca", "-keystore", c.nodeKeystore);
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "ca",
        "-storetype",
        "PKCS12",
        "-keystore",
        c.caTruststore,
        "-file",
        c.caPem);
    return c;
  }

  private static void genKeyPair(Path store, String alias, String dname, String ext)
      throws Exception {
    List<Object> args =
        new ArrayList<>(
            List.of(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                dname,
                "-storetype",
                "PKCS12",
                "-keystore",
                store,
                "-keypass",
                PASSWORD));
    if (ext != null) {
      args.add("-ext");
      args.add(ext);
    }
    keytool(args.toArray());
  }

  private static void keytool(Object... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    for (Object arg : args) {
      command.add(arg.toString());
    }
    command.add("-storepass");
    command.add(PASSWORD);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("keytool %s", args[0]).isTrue();
    assertThat(process.exitValue()).as("keytool %s: %s", args[0], output).isZero();
  }
}
