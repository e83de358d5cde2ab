package id.go.kapuaskab.lupapassphrase.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Prometheus (package prometheus: the server and promtool) for tests: promtool on files, and
 * a server of the test class's own, with its configuration and data in a folder of its own
 * (target/prometheus/&lt;class&gt;/, its log there too), listening on a free port of 127.0.0.1 only, stopped
 * when the class ends. Where the programs are missing the tests are skipped, saying which package to
 * install; with CI_REQUIRE_TOOLS=1 (set by .ci/run) that is a failure instead.
 *
 * <pre>@RegisterExtension static final PrometheusServer PROMETHEUS = new PrometheusServer();</pre>
 */
public final class PrometheusServer implements ExecutionCondition, AfterAllCallback {

  /** What promtool said, and how it ended. */
  public record Outcome(int exitCode, String output) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FOLDERS = Path.of("target", "prometheus");
  private static final Duration START_LIMIT = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newHttpClient();
  private Path folder;
  private Process server;
  private String baseUrl;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<String> missing = Stream.of("prometheus", "promtool").filter(name -> program(name).isEmpty()).toList();
    if (missing.isEmpty()) {
      folder = FOLDERS.resolve(context.getRequiredTestClass().getSimpleName()).toAbsolutePath();
      return ConditionEvaluationResult.enabled("Prometheus and promtool are installed");
    }
    String install = missing + " not found; install Debian's package prometheus (apt-get install prometheus)";
    if ("1".equals(System.getenv("CI_REQUIRE_TOOLS"))) {
      throw new IllegalStateException("Prometheus tests cannot run: " + install + ". CI_REQUIRE_TOOLS=1 makes that a failure.");
    }
    String message = "Prometheus tests SKIPPED: " + install + " to run them.";
    if (context.getTestMethod().isEmpty()) {
      System.out.println(message);
    }
    return ConditionEvaluationResult.disabled(message);
  }

  /** Runs promtool with these arguments. */
  public Outcome promtool(String... arguments) {
    List<String> command = new ArrayList<>(List.of(program("promtool").orElseThrow().toString()));
    command.addAll(List.of(arguments));
    try {
      Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Outcome(run.waitFor(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public boolean running() {
    return server != null && server.isAlive();
  }

  /**
   * Starts the server with this configuration (prometheus.yml) and the files it names, written into its
   * folder; returns once the server says it is ready.
   */
  public void start(String configuration, Map<String, String> files) {
    try {
      FileSystemUtils.deleteRecursively(folder);
      Files.createDirectories(folder.resolve("data"));
      Files.writeString(folder.resolve("prometheus.yml"), configuration);
      for (Map.Entry<String, String> file : files.entrySet()) {
        Files.writeString(folder.resolve(file.getKey()), file.getValue());
      }
      int port = AppJar.freePort();
      server = new ProcessBuilder(program("prometheus").orElseThrow().toString(),
          "--config.file=" + folder.resolve("prometheus.yml"),
          "--storage.tsdb.path=" + folder.resolve("data"),
          "--web.listen-address=127.0.0.1:" + port)
          .directory(folder.toFile()).redirectErrorStream(true)
          .redirectOutput(folder.resolve("prometheus.log").toFile()).start();
      baseUrl = "http://127.0.0.1:" + port;
      awaitReady();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An answer of its HTTP API, such as {@code /api/v1/alerts}, read as JSON; query parameters given by name. */
  public JsonNode api(String path, Map<String, String> parameters) {
    StringBuilder query = new StringBuilder();
    parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path + query)).build(),
          HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException, IOException {
    if (server != null) {
      server.destroy();
      server.waitFor();
      server = null;
      FileSystemUtils.deleteRecursively(folder.resolve("data"));
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/-/ready")).build();
    try {
      while (true) {
        try {
          if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException notListeningYet) {
          // starting
        }
        if (!server.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("Prometheus did not start (see " + folder.resolve("prometheus.log") + ")");
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The program on the PATH, else Debian's. */
  private static Optional<Path> program(String name) {
    List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
    folders.add("/usr/bin");
    return folders.stream().filter(folder -> !folder.isEmpty()).map(folder -> Path.of(folder, name))
        .filter(Files::isExecutable).findFirst();
  }
}
