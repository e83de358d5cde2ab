package id.go.kapuaskab.lupapassphrase.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL server tests run against, found through one setting: the environment variable
 * {@value #URL_VARIABLE}, a JDBC URL of a database on it with a user who may create databases, such
 * as {@code jdbc:postgresql://localhost:55432/postgres?user=lupa&password=secret} (.ci/run starts
 * such a server from Debian's package and sets it). Each test gets databases of its own, made fresh
 * and dropped when the JVM ends. Where no server is set or reachable, tests that need one are
 * skipped, naming the package to install; with CI_REQUIRE_TOOLS=1 that is a failure instead.
 *
 * <pre>@ExtendWith(PostgreSql.class)</pre>
 */
public final class PostgreSql implements ExecutionCondition {

  public static final String URL_VARIABLE = "LUPAPASSPHRASE_TEST_POSTGRES_URL";
  private static final String INSTALL = "install Debian's package postgresql (apt-get install postgresql), start a "
      + "server and set " + URL_VARIABLE + " to a JDBC URL on it with a user who may create databases (.ci/run does this)";

  /** A database of the server: its JDBC URL without credentials, and the credentials apart. */
  public record Database(String name, String url, String username, String password) {

    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url, username, password);
    }

    /** The settings that point the application at this database, as Spring properties. */
    public Map<String, String> springProperties() {
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("spring.datasource.url", url);
      properties.put("spring.datasource.username", username);
      properties.put("spring.datasource.password", password);
      return properties;
    }

    /** The JDBC URL with the credentials in it, for a setting that takes a URL alone. */
    public String urlWithCredentials() {
      return url + (url.contains("?") ? "&" : "?") + "user=" + username + "&password=" + password;
    }

    /** The same as command-line arguments ({@code --key=value}). */
    public List<String> arguments() {
      return springProperties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    /** Environment variables for PostgreSQL's own programs (psql, pg_dump, pg_restore) to reach it. */
    public Map<String, String> clientEnvironment() {
      URI uri = URI.create(url.substring("jdbc:".length()));
      return Map.of("PGHOST", uri.getHost(), "PGPORT", Integer.toString(uri.getPort() == -1 ? 5432 : uri.getPort()),
          "PGUSER", username, "PGPASSWORD", password, "PGDATABASE", name);
    }
  }

  private static Database server;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String problem = problem();
    if (problem == null) {
      return ConditionEvaluationResult.enabled("PostgreSQL is reachable");
    }
    if ("1".equals(System.getenv("CI_REQUIRE_TOOLS"))) {
      throw new IllegalStateException("PostgreSQL tests cannot run: " + problem + ". CI_REQUIRE_TOOLS=1 makes that a failure.");
    }
    String message = "PostgreSQL tests SKIPPED: " + problem + "; " + INSTALL + " to run them.";
    if (context.getTestMethod().isEmpty()) {
      System.out.println(message);
    }
    return ConditionEvaluationResult.disabled(message);
  }

  /** Why no test can run on PostgreSQL here, or null when one can. */
  private static synchronized String problem() {
    if (server != null) {
      return null;
    }
    String setting = System.getenv(URL_VARIABLE);
    if (setting == null || setting.isBlank()) {
      return URL_VARIABLE + " is not set";
    }
    Database parsed = parse(setting);
    try (Connection connection = parsed.connect()) {
      server = parsed;
      return null;
    } catch (SQLException e) {
      return "no PostgreSQL answers at " + parsed.url() + " (" + e.getMessage() + ")";
    }
  }

  /** How long a database may stay in use once the JVM exits before it is dropped with its connections. */
  private static final Duration USED_AT_EXIT = Duration.ofSeconds(20);

  /** A new, empty database on the server, named after what it is for; dropped when this JVM ends. */
  public static synchronized Database createDatabase(String purpose) {
    if (problem() != null) {
      throw new IllegalStateException("No PostgreSQL: " + problem());
    }
    String name = (purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9_]", "_");
    execute("CREATE DATABASE " + name);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> dropOnceUnused(name)));
    return new Database(name, withDatabase(server.url(), name), server.username(), server.password());
  }

  /**
   * Drops the database once nothing uses it: the JVM's shutdown hooks run at the same time, and
   * dropping it under the application's own closing pool made the pool wait for new connections
   * until Surefire killed the JVM. The application closes its pool within seconds; after that
   * wait, or if the database stays in use, it is dropped all the same.
   */
  private static void dropOnceUnused(String name) {
    long giveUpAt = System.nanoTime() + USED_AT_EXIT.toNanos();
    while (System.nanoTime() < giveUpAt) {
      try {
        execute("DROP DATABASE IF EXISTS " + name);
        return;
      } catch (IllegalStateException stillInUse) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    drop(name);
  }

  /** Drops a database, closing any connection still open to it. */
  public static void drop(String name) {
    try {
      execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (IllegalStateException alreadyGoneOrServerStopped) {
      // nothing left to clean
    }
  }

  /** One of PostgreSQL's own programs (pg_dump, pg_restore, psql): on the PATH, else Debian's newest. */
  public static Path program(String name) throws IOException {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(folder, name);
      if (!folder.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    try (Stream<Path> versions = Files.isDirectory(debian) ? Files.list(debian) : Stream.empty()) {
      return versions.map(version -> version.resolve("bin").resolve(name)).filter(Files::isExecutable)
          .max(Comparator.comparing(path -> Integer.parseInt(path.getParent().getParent().getFileName().toString()
              .replaceAll("\\D", "0"))))
          .orElseThrow(() -> new IllegalStateException(name + " not found; " + INSTALL));
    }
  }

  private static void execute(String sql) {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static Database parse(String setting) {
    URI uri = URI.create(setting.substring("jdbc:".length()));
    Map<String, String> parameters = new LinkedHashMap<>();
    if (uri.getQuery() != null) {
      for (String parameter : uri.getQuery().split("&")) {
        int equals = parameter.indexOf('=');
        parameters.put(parameter.substring(0, equals), parameter.substring(equals + 1));
      }
    }
    String user = parameters.remove("user");
    String password = parameters.remove("password");
    String query = parameters.isEmpty() ? "" : "?" + String.join("&",
        parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    String url = "jdbc:postgresql://" + uri.getAuthority() + uri.getPath() + query;
    return new Database(uri.getPath().substring(1), url, user == null ? "" : user, password == null ? "" : password);
  }

  private static String withDatabase(String url, String name) {
    URI uri = URI.create(url.substring("jdbc:".length()));
    return "jdbc:postgresql://" + uri.getAuthority() + "/" + name + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
  }
}
