package id.go.kapuaskab.lupapassphrase.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The engine's speed, the stock job-executor configuration next to ours, in one run:
 * <pre>./mvnw -Pbenchmark verify</pre>
 * It packages the jar, then for each configuration: starts the jar in its own JVM on an empty H2
 * file database (start-up time, resident memory); starts the application in this JVM on that
 * database and lets it idle (job-table queries per minute), creates timers while it idles and
 * while complete requests run through the Java API (timer lateness, requests per second, CPU per
 * request), runs requests through the REST API (each API after a warm-up of its own, {@link
 * ThroughputWindow}), fills the verifier's queue to 10,000 open requests and asks for its first
 * page; and starts the jar again on the now full database. It prints a table and writes it to
 * target/benchmark/results.txt. It asserts only that every figure was measured.
 */
class EngineBenchmark {

  private static final int TIMERS = 100;
  private static final int CLIENTS = 8;
  private static final int OPEN_REQUESTS = 10_000;
  private static final String DEMO_PASSWORD = "demo";
  private static final Path RESULTS = Path.of("target", "benchmark");

  @Test
  void stockNextToOurs() throws Exception {
    FileSystemUtils.deleteRecursively(RESULTS);
    Files.createDirectories(RESULTS);
    Map<BenchmarkSetup, Map<Figure, Double>> measured = new EnumMap<>(BenchmarkSetup.class);
    for (BenchmarkSetup setup : BenchmarkSetup.values()) {
      measured.put(setup, measure(setup));
    }
    List<String> table = table(measured);
    table.forEach(System.out::println);
    Files.write(RESULTS.resolve("results.txt"), table);

    measured.values().forEach(figures -> assertThat(figures.keySet()).containsExactlyInAnyOrder(Figure.values()));
    measured.values().forEach(figures -> assertThat(figures.values()).noneMatch(value -> value.isNaN()));
  }

  private Map<Figure, Double> measure(BenchmarkSetup setup) throws Exception {
    Map<Figure, Double> figures = new EnumMap<>(Figure.class);
    Path data = RESULTS.resolve(setup.label);
    progress(setup, "start-up of the jar on an empty database");
    ChildStartUp.Figures empty = ChildStartUp.measure(setup, data, RESULTS.resolve(setup.label + "-start-empty.log"));
    figures.put(Figure.START_EMPTY, empty.seconds());
    figures.put(Figure.RSS_EMPTY, empty.rssMegabytes());

    try (RunningApp app = RunningApp.start(setup, data)) {
      TimerProbe.deploy(app.engine);
      ResetLinks links = new ResetLinks(app.ams);
      progress(setup, "idle for 20 s, then job-table queries counted for 60 s");
      Thread.sleep(20_000);
      long before = app.jobTableQueries();
      Thread.sleep(60_000);
      figures.put(Figure.IDLE_POLLS, (double) (app.jobTableQueries() - before));

      progress(setup, TIMERS + " timers on the idle engine");
      Stats idle = Stats.of(TimerProbe.measure(app.engine, TIMERS, Duration.ofMillis(50), Duration.ofMinutes(2)));
      figures.put(Figure.IDLE_P50, idle.p50());
      figures.put(Figure.IDLE_P99, idle.p99());
      figures.put(Figure.IDLE_MAX, idle.max());

      JavaApiSop javaApi = new JavaApiSop(app.engine, links);
      progress(setup, "warm-up: requests through the Java API for " + ThroughputWindow.WARM_UP.toSeconds() + " s");
      Load.rateFor(javaApi, CLIENTS, ThroughputWindow.WARM_UP);
      progress(setup, CLIENTS + " clients run requests through the Java API for "
          + ThroughputWindow.MEASURED.toSeconds() + " s, " + TIMERS + " timers among them");
      long self = ProcessHandle.current().pid();
      long windowEnds = System.nanoTime() + ThroughputWindow.MEASURED.toNanos();
      double cpuBefore = CpuTime.ofProcess(self);
      Stats busy;
      try (Load load = Load.start(javaApi, CLIENTS)) {
        busy = Stats.of(TimerProbe.measure(app.engine, TIMERS, Duration.ofMillis(100), Duration.ofMinutes(2)));
        Thread.sleep(Math.max(0, (windowEnds - System.nanoTime()) / 1_000_000));
        figures.put(Figure.JAVA_RATE, load.stopAndRate());
        figures.put(Figure.JAVA_CPU, (CpuTime.ofProcess(self) - cpuBefore) / load.completed());
      }
      figures.put(Figure.BUSY_P50, busy.p50());
      figures.put(Figure.BUSY_P99, busy.p99());
      figures.put(Figure.BUSY_MAX, busy.max());

      RestSop restSop = new RestSop(List.of("http://localhost:" + app.port), DEMO_PASSWORD, links::setNewPassphrase);
      progress(setup, "warm-up: requests through the REST API for " + ThroughputWindow.WARM_UP.toSeconds() + " s");
      Load.rateFor(restSop, CLIENTS, ThroughputWindow.WARM_UP);
      progress(setup, CLIENTS + " clients run requests through the REST API for "
          + ThroughputWindow.MEASURED.toSeconds() + " s");
      figures.put(Figure.REST_RATE, Load.rateFor(restSop, CLIENTS, ThroughputWindow.MEASURED));

      VerifierQueue queue = new VerifierQueue(app.engine);
      progress(setup, "verifier's queue filled to " + OPEN_REQUESTS + " open requests");
      queue.fillTo(OPEN_REQUESTS, setup.label);
      Stats java = Stats.of(queue.javaApiLatencies());
      Stats rest = Stats.of(queue.restLatencies(app.port, DEMO_PASSWORD));
      figures.put(Figure.QUEUE_JAVA_P50, java.p50());
      figures.put(Figure.QUEUE_JAVA_P95, java.p95());
      figures.put(Figure.QUEUE_REST_P50, rest.p50());
      figures.put(Figure.QUEUE_REST_P95, rest.p95());
      figures.put(Figure.QUEUE_SIZE, (double) queue.queued());
    }

    progress(setup, "start-up of the jar on the full database");
    ChildStartUp.Figures full = ChildStartUp.measure(setup, data, RESULTS.resolve(setup.label + "-start-full.log"));
    figures.put(Figure.START_FULL, full.seconds());
    figures.put(Figure.RSS_FULL, full.rssMegabytes());
    return figures;
  }

  private static void progress(BenchmarkSetup setup, String step) {
    System.out.printf("[benchmark %s] %s: %s%n", Instant.now(), setup.label, step);
  }

  private static List<String> table(Map<BenchmarkSetup, Map<Figure, Double>> measured) {
    Map<Figure, Double> stock = measured.get(BenchmarkSetup.STOCK);
    Map<Figure, Double> ours = measured.get(BenchmarkSetup.OURS);
    List<String> lines = new ArrayList<>();
    lines.add("Engine benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", H2 file database");
    lines.add("stock: the starter's job-executor defaults, H2's defaults, the jar with no JVM options;");
    lines.add("ours: application.yaml, the extracted jar with a CDS archive and " + String.join(" ", BenchmarkSetup.OURS.jvmOptions));
    lines.add("(the jar's start-up in a JVM of its own; everything else in the benchmark's JVM, default options;");
    lines.add("requests per second through each API " + ThroughputWindow.described()
        + ", the busy timers in the Java API's window)");
    lines.add(String.format("%-58s %-10s %10s %10s %12s", "figure", "goal", "stock", "ours", "stock/ours"));
    Tables.bySection(Figure.values(), figure -> figure.row.section()).forEach((section, figures) -> {
      lines.add(section);
      for (Figure figure : figures) {
        double s = stock.get(figure);
        double o = ours.get(figure);
        lines.add(String.format("  %-56s %-10s %10s %10s %12s", figure.row.label(), figure.row.goal(), Tables.format(s),
            Tables.format(o), o == 0 ? "-" : String.format("%.2f", s / o)));
      }
    });
    lines.add("(requests per second: higher is better; every other figure: lower is better)");
    return lines;
  }

  private enum Figure {
    IDLE_P50("Timer lateness, idle engine (ms)", "p50", ""),
    IDLE_P99("Timer lateness, idle engine (ms)", "p99", "<= 100"),
    IDLE_MAX("Timer lateness, idle engine (ms)", "max", "<= 250"),
    BUSY_P50("Timer lateness, busy engine (ms)", "p50", ""),
    BUSY_P99("Timer lateness, busy engine (ms)", "p99", "<= 100"),
    BUSY_MAX("Timer lateness, busy engine (ms)", "max", "<= 250"),
    IDLE_POLLS("Idle engine", "job-table queries per minute", "<= 12"),
    JAVA_RATE("Complete requests per second", "Java API (" + CLIENTS + " clients, while timers fire)", ">= 200"),
    REST_RATE("Complete requests per second", "REST API, HTTP Basic (" + CLIENTS + " clients)", ">= 50"),
    JAVA_CPU("Cost of a complete request, Java API", "CPU of this JVM: engine, clients, sandbox AMS (ms)", ""),
    QUEUE_SIZE("Verifier's queue, first page of 15 (ms)", "open requests in the queue", ">= 10000"),
    QUEUE_JAVA_P50("Verifier's queue, first page of 15 (ms)", "Java API p50", ""),
    QUEUE_JAVA_P95("Verifier's queue, first page of 15 (ms)", "Java API p95", "< 50"),
    QUEUE_REST_P50("Verifier's queue, first page of 15 (ms)", "REST API p50", ""),
    QUEUE_REST_P95("Verifier's queue, first page of 15 (ms)", "REST API p95", "< 50"),
    START_EMPTY("Jar start-up to health UP (s) / RSS then (MB)", "start-up, empty database (s)", "< 8"),
    RSS_EMPTY("Jar start-up to health UP (s) / RSS then (MB)", "RSS, empty database (MB)", "< 400"),
    START_FULL("Jar start-up to health UP (s) / RSS then (MB)", "start-up, database with the queue (s)", "< 8"),
    RSS_FULL("Jar start-up to health UP (s) / RSS then (MB)", "RSS, database with the queue (MB)", "< 400");

    final Tables.Row row;

    Figure(String section, String label, String goal) {
      this.row = new Tables.Row(section, label, goal);
    }
  }
}
