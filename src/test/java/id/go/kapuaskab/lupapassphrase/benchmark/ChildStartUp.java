package id.go.kapuaskab.lupapassphrase.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the packaged jar in a JVM of its own, as it runs in production, and measures the time from
 * launching the JVM to the health endpoint answering UP, and the process's resident memory then.
 * With class data sharing it first does what the README says: extracts the jar and makes the
 * archive in a training run that stops once the application context is refreshed.
 */
final class ChildStartUp {

  record Figures(double seconds, double rssMegabytes) {
  }

  private ChildStartUp() {
  }

  private static final Path EXTRACTED = Path.of("target", "benchmark", "extracted");
  private static final Path ARCHIVE = EXTRACTED.resolve("application.jsa");

  static Figures measure(BenchmarkSetup setup, Path dataFolder, Path log) throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(setup.jvmOptions);
    if (setup.classDataSharing) {
      command.add("-XX:SharedArchiveFile=" + archive(setup, log));
      command.addAll(List.of("-jar", EXTRACTED.resolve(jar().getFileName()).toString()));
    } else {
      command.addAll(List.of("-jar", jar().toString()));
    }
    command.addAll(setup.arguments(dataFolder, port));
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();

    long launched = System.nanoTime();
    Process app = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    try {
      while (!up(http, health)) {
        if (!app.isAlive()) {
          throw new IllegalStateException("the application stopped while starting; see " + log);
        }
        if (System.nanoTime() - launched > 180e9) {
          throw new IllegalStateException("the application did not start within 3 minutes; see " + log);
        }
        Thread.sleep(20);
      }
      double seconds = (System.nanoTime() - launched) / 1e9;
      return new Figures(seconds, residentMegabytes(app.pid()));
    } finally {
      app.destroy();
      app.waitFor();
    }
  }

  private static Path archive(BenchmarkSetup setup, Path log) throws IOException, InterruptedException {
    if (Files.exists(ARCHIVE)) {
      return ARCHIVE;
    }
    run(List.of(java(), "-Djarmode=tools", "-jar", jar().toString(), "extract", "--destination", EXTRACTED.toString()), log);
    List<String> training = new ArrayList<>(List.of(java()));
    training.addAll(setup.jvmOptions);
    training.addAll(List.of("-XX:ArchiveClassesAtExit=" + ARCHIVE, "-Dspring.context.exit=onRefresh",
        "-jar", EXTRACTED.resolve(jar().getFileName()).toString()));
    training.addAll(setup.arguments(EXTRACTED.resolve("training-data"), freePort()));
    run(training, log);
    return ARCHIVE;
  }

  private static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static boolean up(HttpClient http, HttpRequest health) throws InterruptedException {
    try {
      HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200 && answer.body().contains("UP");
    } catch (IOException notListeningYet) {
      return false;
    }
  }

  private static double residentMegabytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no VmRSS for process " + pid);
  }

  private static Path jar() throws IOException {
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.getFileName().toString().matches("lupa-passphrase-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run through `./mvnw -Pbenchmark verify`"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
