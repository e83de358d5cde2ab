package id.go.kapuaskab.lupapassphrase.benchmark;

import id.go.kapuaskab.lupapassphrase.support.AppJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    int port = AppJar.freePort();
    List<String> command = new ArrayList<>(List.of(AppJar.java()));
    command.addAll(setup.jvmOptions);
    if (setup.classDataSharing) {
      command.add("-XX:SharedArchiveFile=" + archive(setup, log));
      command.addAll(List.of("-jar", EXTRACTED.resolve(AppJar.jar().getFileName()).toString()));
    } else {
      command.addAll(List.of("-jar", AppJar.jar().toString()));
    }
    command.addAll(setup.arguments(dataFolder, port));

    long launched = System.nanoTime();
    Process app = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    try {
      AppJar.awaitUp(app, port, Duration.ofMinutes(3), "the application (see " + log + ")");
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
    run(List.of(AppJar.java(), "-Djarmode=tools", "-jar", AppJar.jar().toString(), "extract", "--destination",
        EXTRACTED.toString()), log);
    List<String> training = new ArrayList<>(List.of(AppJar.java()));
    training.addAll(setup.jvmOptions);
    training.addAll(List.of("-XX:ArchiveClassesAtExit=" + ARCHIVE, "-Dspring.context.exit=onRefresh",
        "-jar", EXTRACTED.resolve(AppJar.jar().getFileName()).toString()));
    training.addAll(setup.arguments(EXTRACTED.resolve("training-data"), AppJar.freePort()));
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

  static double residentMegabytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no VmRSS for process " + pid);
  }
}
