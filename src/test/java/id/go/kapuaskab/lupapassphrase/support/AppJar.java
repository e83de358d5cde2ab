package id.go.kapuaskab.lupapassphrase.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The packaged jar run in a JVM of its own, as production runs it: its output appended to a log
 * file, stopped as a service manager stops it (SIGTERM) or killed outright ({@code kill -9}). For the
 * tests that start whole applications (Failsafe's *IT, after the jar is packaged) and the benchmark.
 */
public final class AppJar implements AutoCloseable {

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private AppJar(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@code java [jvmOptions] -jar <jar> --server.port=<port> [arguments]} in the working
   * folder (where ./data is) with the extra environment variables; output goes to the log.
   */
  public static AppJar start(String name, Path folder, int port, List<String> jvmOptions, List<String> arguments,
      Map<String, String> environment, Path log) {
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port));
    command.addAll(arguments);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder builder = new ProcessBuilder(command).directory(Files.createDirectories(folder).toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      return new AppJar(name, builder.start(), port, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Waits until the health endpoint answers UP; fails early if the JVM stops. */
  public AppJar awaitUp(Duration limit) {
    awaitUp(process, port, limit, name + " (see " + log + ")");
    return this;
  }

  /** Waits until the page answers 200 (the sandbox AMS alone has no health endpoint); fails early if the JVM stops. */
  public AppJar awaitPage(String path, Duration limit) {
    await(process, URI.create(baseUrl() + path), answer -> answer.statusCode() == 200, limit, name + " (see " + log + ")");
    return this;
  }

  /** Waits until the process listening on the port answers the health endpoint with UP. */
  public static void awaitUp(Process process, int port, Duration limit, String what) {
    await(process, URI.create("http://localhost:" + port + "/actuator/health"),
        answer -> answer.statusCode() == 200 && answer.body().contains("UP"), limit, what);
  }

  private static void await(Process process, URI uri, Predicate<HttpResponse<String>> ready, Duration limit, String what) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(uri).build();
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      while (!answers(http, request, ready)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(what + " stopped while starting");
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(what + " did not start within " + limit);
        }
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code kill -9}: the JVM gets no chance to finish anything. */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM, as a service manager stops it: the application shuts down in order. */
  public void stop() {
    process.destroy();
    waitForExit();
  }

  private void waitForExit() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  /** The java of the JVM running this. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** target/lupa-passphrase-*.jar, as {@code ./mvnw package} (or verify) leaves it. */
  public static Path jar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.getFileName().toString().matches("lupa-passphrase-.*\\.jar")).findFirst()
          .map(Path::toAbsolutePath)
          .orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run through `./mvnw verify`"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean answers(HttpClient http, HttpRequest request, Predicate<HttpResponse<String>> ready)
      throws InterruptedException {
    try {
      return ready.test(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException notListeningYet) {
      return false;
    }
  }
}
