package id.go.kapuaskab.lupapassphrase.support;

import com.zaxxer.hikari.HikariDataSource;
import id.go.kapuaskab.sandboxams.SandboxOutage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Nodes of the packaged jar, each in a JVM of its own, on one PostgreSQL database, sharing one AMS:
 * the sandbox AMS run alone (profile sandbox-ams) with its store in a PostgreSQL database of its
 * own. The nodes run the local profile (demo users, password "demo") with the postgres profile and
 * the sandbox as their AMS. Everything started is killed when the cluster is closed.
 */
public final class Cluster implements AutoCloseable {

  public static final String PASSWORD = "demo";
  /** The production start's JVM options (docs/operations.md, pom.xml's spring-boot:run). */
  public static final List<String> JVM_OPTIONS = List.of("-Xss512k", "-XX:+UseSerialGC", "-Xms64m",
      "-XX:TrimNativeHeapInterval=5000");
  private static final String SANDBOX_USER = "lupa-passphrase-cluster";
  private static final String SANDBOX_PASSWORD = "sandbox-cluster-secret";
  private static final String NEW_PASSPHRASE = "Kapuas2026Baru";
  private static final Duration START_LIMIT = Duration.ofMinutes(4);

  private final Path folder;
  private final PostgreSql.Database engineDatabase;
  private final PostgreSql.Database sandboxDatabase;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AppJar> started = new ArrayList<>();
  private final Map<PostgreSql.Database, HikariDataSource> pools = new HashMap<>();
  private final Set<String> linksHandedOut = new HashSet<>();
  private AppJar sandbox;
  private List<String> nodeJvmOptions = JVM_OPTIONS;
  private List<String> nodeArguments = List.of();

  /** A cluster in a fresh folder, on fresh databases named after its purpose. */
  public Cluster(String purpose, Path folder) {
    this.folder = folder;
    FileSystemUtils.deleteRecursively(folder.toFile());
    this.engineDatabase = PostgreSql.createDatabase(purpose);
    this.sandboxDatabase = PostgreSql.createDatabase(purpose + "_sandbox");
  }

  /** Starts the sandbox AMS and waits until it answers. */
  public AppJar startSandbox() {
    sandbox = AppJar.start("sandbox AMS", folder.resolve("sandbox"), AppJar.freePort(), JVM_OPTIONS, List.of(
        "--spring.profiles.active=sandbox-ams",
        "--lupa-passphrase.ams.sandbox.username=" + SANDBOX_USER,
        "--lupa-passphrase.ams.sandbox.password=" + SANDBOX_PASSWORD,
        "--lupa-passphrase.ams.sandbox.store-url=" + sandboxDatabase.urlWithCredentials(),
        "--logging.level.root=WARN"), Map.of(), folder.resolve("sandbox.log"));
    started.add(sandbox);
    return sandbox.awaitPage("/sandbox-ams/outbox", START_LIMIT);
  }

  /** The JVM options of the nodes started from now on (the production start's, {@link #JVM_OPTIONS}, unless set). */
  public void nodeJvmOptions(List<String> options) {
    this.nodeJvmOptions = List.copyOf(options);
  }

  /** Arguments every node started from now on gets after its own (settings that differ from application.yaml's). */
  public void nodeArguments(List<String> arguments) {
    this.nodeArguments = List.copyOf(arguments);
  }

  /** Starts a node on the cluster's database without waiting for it. */
  public AppJar startNode(String name) {
    return startNode(name, engineDatabase);
  }

  /** Starts a node on another PostgreSQL database (such as one restored from a dump) without waiting for it. */
  public AppJar startNode(String name, PostgreSql.Database database) {
    return node(name, "local,postgres", database.arguments());
  }

  /** Starts a node on H2, as `./mvnw spring-boot:run` does (./data in its own folder), with the shared AMS. */
  public AppJar startNodeOnH2(String name) {
    return node(name, "local", List.of());
  }

  private AppJar node(String name, String profiles, List<String> databaseArguments) {
    List<String> arguments = new ArrayList<>(List.of(
        "--spring.profiles.active=" + profiles,
        "--lupa-passphrase.node.name=" + name,
        "--lupa-passphrase.ams.base-url=" + sandbox.baseUrl() + "/sandbox-ams",
        "--lupa-passphrase.ams.username=" + SANDBOX_USER,
        "--lupa-passphrase.ams.password=" + SANDBOX_PASSWORD,
        // the demo applicant stands for the whole office: dozens of requests open in one name at once
        "--lupa-passphrase.request.max-open-per-applicant=" + Integer.MAX_VALUE,
        "--logging.level.root=WARN",
        "--logging.level.id.go.kapuaskab.lupapassphrase.cluster=INFO"));
    arguments.addAll(databaseArguments);
    arguments.addAll(nodeArguments);
    AppJar node = AppJar.start(name, folder.resolve(name), AppJar.freePort(), nodeJvmOptions, arguments, Map.of(),
        folder.resolve(name + ".log"));
    started.add(node);
    return node;
  }

  /** Waits until every node given answers its health endpoint with UP. */
  public static void awaitUp(AppJar... nodes) {
    for (AppJar node : nodes) {
      node.awaitUp(START_LIMIT);
    }
  }

  public PostgreSql.Database engineDatabase() {
    return engineDatabase;
  }

  public JdbcTemplate engine() {
    return pooled(engineDatabase);
  }

  public JdbcTemplate sandboxStore() {
    return pooled(sandboxDatabase);
  }

  /**
   * The cluster's own reads and writes keep their connections: a benchmark reads the sandbox's links
   * once a request, and a connection of its own each time cost PostgreSQL a new backend (a process,
   * its login and its catalog caches) that the machine's CPU per request counted as the service's.
   */
  private synchronized JdbcTemplate pooled(PostgreSql.Database database) {
    return new JdbcTemplate(pools.computeIfAbsent(database, unpooled -> {
      HikariDataSource pool = new HikariDataSource();
      pool.setJdbcUrl(unpooled.url());
      pool.setUsername(unpooled.username());
      pool.setPassword(unpooled.password());
      pool.setMaximumPoolSize(2);
      pool.setMinimumIdle(0);
      return pool;
    }));
  }

  /** A connection of its own for each statement, for a database the cluster does not own. */
  public static JdbcTemplate jdbc(PostgreSql.Database database) {
    SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), database.url(),
        database.username(), database.password());
    return new JdbcTemplate(dataSource);
  }

  /** Switches the sandbox's outage mode, as its outbox page does. */
  public void outage(SandboxOutage.Mode mode) {
    post(sandbox.baseUrl() + "/sandbox-ams/outage", "mode=" + mode.name());
  }

  /**
   * The holder's side in AMS: opens the oldest reset link not handed out yet and sets a new passphrase
   * there. Every request of a run is the same holder's, so any unused link of theirs does, as long as
   * the request asks only after its own reset was sent (step 3 comes after it).
   */
  public synchronized void setNewPassphrase(String nik) {
    String token = sandboxStore().queryForList("SELECT TOKEN FROM SANDBOX_RESET WHERE NIK = ? AND USED = FALSE ORDER BY SEQ",
        String.class, nik).stream().filter(candidate -> !linksHandedOut.contains(candidate)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no unused reset link for the holder"));
    linksHandedOut.add(token);
    String page = post(sandbox.baseUrl() + "/sandbox-ams/reset/" + token,
        "passphrase=" + NEW_PASSPHRASE + "&passphraseRepeated=" + URLEncoder.encode(NEW_PASSPHRASE, StandardCharsets.UTF_8));
    if (!page.contains("Passphrase baru tersimpan")) {
      throw new IllegalStateException("the sandbox refused the new passphrase");
    }
  }

  private String post(String url, String form) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() >= 400) {
        throw new IllegalStateException(url + " answered " + answer.statusCode());
      }
      return answer.body();
    } catch (IOException e) {
      throw new IllegalStateException(url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    started.forEach(AppJar::close);
    synchronized (this) {
      pools.values().forEach(HikariDataSource::close);
    }
  }
}
