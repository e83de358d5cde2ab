package id.go.kapuaskab.lupapassphrase.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.PostgreSql;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.util.FileSystemUtils;

/**
 * What the metrics cost, on H2 and, where LUPAPASSPHRASE_TEST_POSTGRES_URL names a server, on PostgreSQL:
 * <pre>./mvnw -Pbenchmark verify          (all benchmarks)
 * ./mvnw -Pbenchmark verify -Dit.test=MetricsBenchmark</pre>
 * The application in this JVM (local profile, the job executor on, the sandbox AMS inside), with the counts
 * that need the database read at most once a second instead of once per scrape interval, so every scrape here
 * reads them. Requests through the REST API by 8 clients, for 30 s without a scrape and for 30 s while a client
 * plays Prometheus and scrapes /actuator/prometheus every 5 s as the operator, twice each in turn; then the
 * verifier's queue filled to 10,000 open requests and the scrape timed, each reading the database, and from the
 * counts read a moment before. It prints a table and writes it to target/benchmark-metrics/results.txt; it asserts
 * only that every figure was measured.
 */
class MetricsBenchmark {

  private static final int CLIENTS = 8;
  private static final int OPEN_REQUESTS = 10_000;
  private static final Duration RUN = Duration.ofSeconds(30);
  private static final Duration SCRAPE_EVERY = Duration.ofSeconds(5);
  private static final Duration DATABASE_READ_INTERVAL = Duration.ofSeconds(1);
  private static final int SCRAPES = 30;
  private static final String PASSWORD = "demo";
  private static final Path RESULTS = Path.of("target", "benchmark-metrics");

  private enum Database { H2, POSTGRESQL }

  @Test
  void theCostOfTheMetrics() throws Exception {
    FileSystemUtils.deleteRecursively(RESULTS);
    Files.createDirectories(RESULTS);
    Map<Database, Map<Figure, Double>> measured = new EnumMap<>(Database.class);
    measured.put(Database.H2, measure(Database.H2, h2Arguments(RESULTS.resolve("h2"))));
    postgreSqlArguments().ifPresent(arguments -> measured.put(Database.POSTGRESQL, measure(Database.POSTGRESQL, arguments)));

    List<String> table = table(measured);
    table.forEach(System.out::println);
    Files.write(RESULTS.resolve("results.txt"), table);
    measured.values().forEach(figures -> assertThat(figures.keySet()).containsExactlyInAnyOrder(Figure.values()));
    measured.values().forEach(figures -> assertThat(figures.values()).noneMatch(value -> value.isNaN()));
  }

  private Map<Figure, Double> measure(Database database, List<String> arguments) {
    Map<Figure, Double> figures = new EnumMap<>(Figure.class);
    try (RunningApp app = RunningApp.startWith(arguments)) {
      ResetLinks links = new ResetLinks(app.ams);
      RestSop client = new RestSop(List.of("http://localhost:" + app.port), PASSWORD, links::setNewPassphrase);
      Scraper scraper = new Scraper(app.port);
      progress(database, "warm-up: requests through the REST API for 15 s, scraped");
      scraper.scrape();
      Load.rateFor(client, CLIENTS, Duration.ofSeconds(15));

      List<Double> quiet = new ArrayList<>();
      List<Double> scraped = new ArrayList<>();
      List<Double> scrapesUnderLoad = new CopyOnWriteArrayList<>();
      for (int round = 1; round <= 2; round++) {
        progress(database, "round " + round + ": " + CLIENTS + " clients for " + RUN.toSeconds() + " s without scraping");
        quiet.add(Load.rateFor(client, CLIENTS, RUN));
        progress(database, "round " + round + ": " + CLIENTS + " clients for " + RUN.toSeconds() + " s, scraped every "
            + SCRAPE_EVERY.toSeconds() + " s");
        ScheduledExecutorService prometheus = Executors.newSingleThreadScheduledExecutor();
        prometheus.scheduleAtFixedRate(() -> scrapesUnderLoad.add(scraper.scrape()), 0, SCRAPE_EVERY.toMillis(),
            TimeUnit.MILLISECONDS);
        try {
          scraped.add(Load.rateFor(client, CLIENTS, RUN));
        } finally {
          prometheus.shutdownNow();
        }
      }
      double withoutScraping = quiet.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      double withScraping = scraped.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      figures.put(Figure.RATE_QUIET, withoutScraping);
      figures.put(Figure.RATE_SCRAPED, withScraping);
      figures.put(Figure.COST, 100 * (withoutScraping - withScraping) / withoutScraping);
      figures.put(Figure.SPREAD, 100 * Math.abs(quiet.get(0) - quiet.get(1)) / withoutScraping);
      double underLoad = Stats.of(scrapesUnderLoad).p50();
      figures.put(Figure.SCRAPE_UNDER_LOAD, underLoad);
      // a scrape keeps at most one core busy while it runs: its time in the interval bounds its share of the CPU
      figures.put(Figure.SHARE, 100 * underLoad / SCRAPE_EVERY.toMillis());

      VerifierQueue queue = new VerifierQueue(app.engine);
      progress(database, "verifier's queue filled to " + OPEN_REQUESTS + " open requests");
      queue.fillTo(OPEN_REQUESTS, database.name());
      if (database == Database.POSTGRESQL) {
        app.sql("VACUUM (ANALYZE)");
      }
      progress(database, SCRAPES + " scrapes, each reading the database, each followed by one from the counts read");
      List<Double> reading = new ArrayList<>();
      List<Double> cached = new ArrayList<>();
      scraper.scrape();
      for (int i = 0; i < SCRAPES; i++) {
        Thread.sleep(DATABASE_READ_INTERVAL.toMillis() + 100);
        reading.add(scraper.scrape());
        cached.add(scraper.scrape());
      }
      Stats withDatabase = Stats.of(reading);
      Stats fromCache = Stats.of(cached);
      figures.put(Figure.OPEN, (double) queue.queued());
      figures.put(Figure.SCRAPE_P50, withDatabase.p50());
      figures.put(Figure.SCRAPE_P95, withDatabase.p95());
      figures.put(Figure.SCRAPE_MAX, withDatabase.max());
      figures.put(Figure.CACHED_P50, fromCache.p50());
      figures.put(Figure.SIZE, scraper.lastSize / 1024.0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return figures;
  }

  /** Plays Prometheus: GET /actuator/prometheus as the operator, timed. */
  private static final class Scraper {

    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpRequest request;
    private volatile int lastSize;

    Scraper(int port) {
      this.request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
          .header(HttpHeaders.AUTHORIZATION, "Basic " + HttpHeaders.encodeBasicAuth(DemoPeople.OKI.userId(), PASSWORD,
              StandardCharsets.UTF_8)).build();
    }

    /** Milliseconds for one scrape. */
    double scrape() {
      long started = System.nanoTime();
      try {
        HttpResponse<String> page = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || !page.body().contains("lupa_requests_open")) {
          throw new IllegalStateException("the scrape answered HTTP " + page.statusCode());
        }
        lastSize = page.body().length();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return (System.nanoTime() - started) / 1e6;
    }
  }

  private static List<String> h2Arguments(Path folder) {
    return withCommonArguments(BenchmarkSetup.OURS.arguments(folder, 0));
  }

  /** The arguments for a run on a fresh PostgreSQL database, where a server is set and answers. */
  private static Optional<List<String>> postgreSqlArguments() {
    if (System.getenv(PostgreSql.URL_VARIABLE) == null) {
      System.out.println("Metrics benchmark on PostgreSQL SKIPPED: " + PostgreSql.URL_VARIABLE + " is not set");
      return Optional.empty();
    }
    PostgreSql.Database database = PostgreSql.createDatabase("metrics_benchmark");
    List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=local,postgres", "--server.port=0",
        "--lupa-passphrase.ams.sandbox.store-url=jdbc:h2:file:" + RESULTS.resolve("postgresql").toAbsolutePath()
            .resolve("sandbox-ams") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
        "--lupa-passphrase.request.max-open-per-applicant=" + Integer.MAX_VALUE, "--logging.level.root=WARN"));
    arguments.addAll(database.arguments());
    return Optional.of(withCommonArguments(arguments));
  }

  private static List<String> withCommonArguments(List<String> arguments) {
    List<String> all = new ArrayList<>(arguments);
    all.add("--lupa-passphrase.operations.database-read-interval=" + DATABASE_READ_INTERVAL.toMillis() + "ms");
    return all;
  }

  private static void progress(Database database, String step) {
    System.out.printf("[benchmark %s] metrics, %s: %s%n", Instant.now(), database, step);
  }

  private static List<String> table(Map<Database, Map<Figure, Double>> measured) {
    List<String> lines = new ArrayList<>();
    lines.add("Metrics benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    lines.add("the application in this JVM (local profile, job executor on, sandbox AMS inside); the counts that need the");
    lines.add("database read at most once a second, so every scrape here reads them; clients, scraper and AMS share the cores");
    lines.add(String.format("%-58s %-10s %10s %12s", "figure", "goal", "H2", "PostgreSQL"));
    Tables.bySection(Figure.values(), figure -> figure.row.section()).forEach((section, figures) -> {
      lines.add(section);
      for (Figure figure : figures) {
        Map<Database, String> values = new LinkedHashMap<>();
        for (Database database : Database.values()) {
          Double value = measured.getOrDefault(database, Map.of()).get(figure);
          values.put(database, Tables.cell(value));
        }
        lines.add(String.format("  %-56s %-10s %10s %12s", figure.row.label(), figure.row.goal(), values.get(Database.H2),
            values.get(Database.POSTGRESQL)));
      }
    });
    lines.add("(requests per second: higher is better; every other figure: lower is better; -: not measured there)");
    return lines;
  }

  private enum Figure {
    RATE_QUIET("Complete requests per second, REST API (" + CLIENTS + " clients)", "not scraped", ""),
    RATE_SCRAPED("Complete requests per second, REST API (" + CLIENTS + " clients)", "scraped every 5 s", ""),
    COST("Complete requests per second, REST API (" + CLIENTS + " clients)", "cost of the metrics (%)", "< 5"),
    SPREAD("Complete requests per second, REST API (" + CLIENTS + " clients)", "spread of the two runs not scraped (%)", ""),
    SCRAPE_UNDER_LOAD("Complete requests per second, REST API (" + CLIENTS + " clients)", "a scrape under that load, p50 (ms)", ""),
    SHARE("Complete requests per second, REST API (" + CLIENTS + " clients)", "its share of the 5 s, at most of one core (%)", "< 1"),
    OPEN("Scrape of /actuator/prometheus as the operator", "open requests", ">= 10000"),
    SCRAPE_P50("Scrape of /actuator/prometheus as the operator", "reading the database, p50 (ms)", ""),
    SCRAPE_P95("Scrape of /actuator/prometheus as the operator", "reading the database, p95 (ms)", "< 100"),
    SCRAPE_MAX("Scrape of /actuator/prometheus as the operator", "reading the database, max (ms)", ""),
    CACHED_P50("Scrape of /actuator/prometheus as the operator", "from the counts read, p50 (ms)", ""),
    SIZE("Scrape of /actuator/prometheus as the operator", "size of one scrape (kB)", "");

    final Tables.Row row;

    Figure(String section, String label, String goal) {
      this.row = new Tables.Row(section, label, goal);
    }
  }
}
