package dev.sluice.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Security for a local node: optional HTTP TLS from a PKCS#12 keystore, file-realm users, file
 * roles and file service tokens. This build of the server cannot create its .security index, so
 * everything here lives in files (no native users, no API keys).
 *
 * <p>The node also gets an internal superuser that the testkit itself uses for health checks and
 * that {@link EsTestClient#forNode} uses; see {@link LocalElasticsearch#authorizationHeader()}.
 */
public final class SecuritySettings {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@-]{0,506}");
  private static final Pattern TOKEN_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,255}");

  private final Optional<Path> httpKeystore;
  private final String httpKeystorePassword;
  private final Map<String, User> users;
  private final Optional<String> rolesYml;
  private final Set<String> serviceTokens;

  private SecuritySettings(Builder builder) {
    this.httpKeystore = builder.httpKeystore;
    this.httpKeystorePassword = builder.httpKeystorePassword;
    this.users = Map.copyOf(builder.users);
    this.rolesYml = builder.rolesYml;
    this.serviceTokens = Set.copyOf(builder.serviceTokens);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<Path> httpKeystore() {
    return httpKeystore;
  }

  /** The keystore's password; empty when there is no keystore. Never log it. */
  public String httpKeystorePassword() {
    return httpKeystorePassword;
  }

  public boolean httpTls() {
    return httpKeystore.isPresent();
  }

  public List<User> users() {
    return List.copyOf(users.values());
  }

  public Optional<String> rolesYml() {
    return rolesYml;
  }

  /** Names of the {@code elastic/fleet-server} service tokens to create. */
  public Set<String> serviceTokens() {
    return serviceTokens;
  }

  @Override
  public String toString() {
    return "SecuritySettings{httpKeystore="
        + httpKeystore
        + ", users="
        + users.keySet()
        + ", rolesYml="
        + rolesYml.isPresent()
        + ", serviceTokens="
        + serviceTokens
        + "}";
  }

  /** A file-realm user. {@link #toString()} hides the password. */
  public record User(String name, String password, List<String> roles) {
    public User {
      Objects.requireNonNull(name, "user name");
      Objects.requireNonNull(password, "password of user " + name);
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("security user name is invalid: '" + name + "'");
      }
      if (password.length() < 6) {
        throw new IllegalArgumentException(
            "security user '" + name + "': password must have at least 6 characters");
      }
      roles = List.copyOf(roles);
      for (String role : roles) {
        if (!NAME.matcher(role).matches()) {
          throw new IllegalArgumentException(
              "security user '" + name + "': role name is invalid: '" + role + "'");
        }
      }
    }

    @Override
    public String toString() {
      return "User{name=" + name + ", roles=" + roles + ", password=***}";
    }
  }

  public static final class Builder {
    private Optional<Path> httpKeystore = Optional.empty();
    private String httpKeystorePassword = "";
    private final Map<String, User> users = new LinkedHashMap<>();
    private Optional<String> rolesYml = Optional.empty();
    private final Set<String> serviceTokens = new LinkedHashSet<>();

    private Builder() {}

    /** Serve HTTPS with this PKCS#12 keystore (its certificate should name 127.0.0.1). */
    public Builder httpTls(Path pkcs12Keystore, String password) {
      Objects.requireNonNull(pkcs12Keystore, "httpTls keystore");
      Objects.requireNonNull(password, "httpTls password");
      if (!Files.isRegularFile(pkcs12Keystore)) {
        throw new IllegalArgumentException("httpTls keystore is not a file: " + pkcs12Keystore);
      }
      this.httpKeystore = Optional.of(pkcs12Keystore.toAbsolutePath());
      this.httpKeystorePassword = password;
      return this;
    }

    public Builder user(String name, String password, String... roles) {
      User user = new User(name, password, List.of(roles));
      if (users.putIfAbsent(name, user) != null) {
        throw new IllegalArgumentException("security user '" + name + "' is defined twice");
      }
      return this;
    }

    /** The text of config/roles.yml, defining file roles the users may refer to. */
    public Builder rolesYml(String yml) {
      this.rolesYml = Optional.of(Objects.requireNonNull(yml, "rolesYml"));
      return this;
    }

    /** Create an {@code elastic/fleet-server} service token with this name. */
    public Builder serviceToken(String name) {
      if (name == null || !TOKEN_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("service token name is invalid: '" + name + "'");
      }
      serviceTokens.add(name);
      return this;
    }

    public SecuritySettings build() {
      if (users.containsKey(LocalElasticsearch.ADMIN_USER)) {
        throw new IllegalArgumentException(
            "security user '" + LocalElasticsearch.ADMIN_USER + "' is reserved for the testkit");
      }
      return new SecuritySettings(this);
    }
  }
}
