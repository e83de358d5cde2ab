package id.go.kapuaskab.lupapassphrase.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.support.PostgreSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * What one job acquisition costs while many timers wait, with the due-date index the changelog adds to the
 * engine's job table on PostgreSQL (LP_IDX_JOB_DUEDATE) and without it, and the same on H2, where the changelog
 * does not make it:
 * <pre>./mvnw -Pbenchmark verify -Dit.test=JobAcquisitionBenchmark</pre>
 * The application starts in this JVM on H2, and on a fresh PostgreSQL database where
 * LUPAPASSPHRASE_TEST_POSTGRES_URL is set; {@value #WAITING} timers are made that fall due tomorrow (a queue of
 * that many open requests holds at least one SLA timer each); then the engine's own acquisition command, as the
 * job executor runs it, is timed {@value #SAMPLES} times on the schema as made, and as many again with the index
 * dropped (on H2: made), then put back as it was. Nothing is due, so each acquisition reads and locks nothing:
 * what is timed is the query that finds the due jobs among the waiting ones. It prints a table, writes it to
 * target/benchmark-acquisition/results.txt, and asserts that every acquisition found nothing due.
 */
class JobAcquisitionBenchmark {

  private static final int WAITING = 10_000;
  private static final int SAMPLES = 200;
  private static final int WARM_UP = 50;
  private static final String CREATE_INDEX = "CREATE INDEX LP_IDX_JOB_DUEDATE ON ACT_RU_JOB(DUEDATE_)";
  private static final String DROP_INDEX = "DROP INDEX LP_IDX_JOB_DUEDATE";
  private static final Path RESULTS = Path.of("target", "benchmark-acquisition").toAbsolutePath();

  private enum Database {
    H2(false), POSTGRESQL(true);

    /** Whether the changelog makes the index on this database. */
    final boolean indexed;

    Database(boolean indexed) {
      this.indexed = indexed;
    }
  }

  @Test
  void anAcquisitionAmongWaitingTimers() throws Exception {
    FileSystemUtils.deleteRecursively(RESULTS);
    Files.createDirectories(RESULTS);
    Map<Database, Map<Figure, Double>> measured = new EnumMap<>(Database.class);
    measured.put(Database.H2, measure(Database.H2, BenchmarkSetup.OURS.arguments(RESULTS.resolve("h2"), 0)));
    if (System.getenv(PostgreSql.URL_VARIABLE) == null) {
      System.out.println("Job acquisition benchmark on PostgreSQL SKIPPED: " + PostgreSql.URL_VARIABLE + " is not set");
    } else {
      List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=local,postgres", "--server.port=0",
          "--lupa-passphrase.ams.sandbox.store-url=jdbc:h2:file:" + RESULTS.resolve("postgresql").resolve("sandbox-ams")
              + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "--logging.level.root=WARN"));
      arguments.addAll(PostgreSql.createDatabase("acquisition_benchmark").arguments());
      measured.put(Database.POSTGRESQL, measure(Database.POSTGRESQL, arguments));
    }

    List<String> table = table(measured);
    table.forEach(System.out::println);
    Files.write(RESULTS.resolve("results.txt"), table);
    measured.values().forEach(figures -> assertThat(figures.keySet()).containsExactlyInAnyOrder(Figure.values()));
  }

  private Map<Figure, Double> measure(Database database, List<String> arguments) throws Exception {
    Map<Figure, Double> figures = new EnumMap<>(Figure.class);
    try (RunningApp app = RunningApp.startWith(arguments)) {
      TimerProbe.deploy(app.engine);
      progress(database, WAITING + " timers due tomorrow");
      makeWaitingTimers(app, database);
      figures.put(Figure.WAITING, (double) app.engine.getManagementService().createJobQuery().timers().count());
      analyze(app, database);

      progress(database, SAMPLES + " acquisitions on the schema as the changelog made it");
      Stats asMade = Stats.of(acquisitions(app));
      progress(database, SAMPLES + " acquisitions with the index " + (database.indexed ? "dropped" : "made"));
      app.sql(database.indexed ? DROP_INDEX : CREATE_INDEX);
      analyze(app, database);
      Stats toggled = Stats.of(acquisitions(app));
      app.sql(database.indexed ? CREATE_INDEX : DROP_INDEX);
      Stats with = database.indexed ? asMade : toggled;
      Stats without = database.indexed ? toggled : asMade;

      figures.put(Figure.WITH_P50, with.p50());
      figures.put(Figure.WITH_P95, with.p95());
      figures.put(Figure.WITHOUT_P50, without.p50());
      figures.put(Figure.WITHOUT_P95, without.p95());
    }
    return figures;
  }

  private static void makeWaitingTimers(RunningApp app, Database database) throws Exception {
    Date tomorrow = new Date(System.currentTimeMillis() + Duration.ofDays(1).toMillis());
    AtomicInteger left = new AtomicInteger(WAITING);
    ExecutorService makers = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> making = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        making.add(makers.submit(() -> {
          int number;
          while ((number = left.getAndDecrement()) > 0) {
            TimerProbe.startWaiting(app.engine, tomorrow);
            if (number % 2_000 == 0) {
              progress(database, number + " timers more to make");
            }
          }
          return null;
        }));
      }
      for (Future<?> maker : making) {
        maker.get();
      }
    } finally {
      makers.shutdown();
    }
  }

  /** Fresh statistics for the planner, as after the database's own analysis of a grown table. */
  private static void analyze(RunningApp app, Database database) throws Exception {
    app.sql(database == Database.POSTGRESQL ? "VACUUM (ANALYZE) ACT_RU_JOB" : "ANALYZE");
  }

  /** Milliseconds for each acquisition, as the job executor's acquisition thread runs it; none finds a due job. */
  private static List<Double> acquisitions(RunningApp app) {
    ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) app.engine).getProcessEngineConfiguration();
    int atOnce = configuration.getJobExecutor().getMaxJobsPerAcquisition();
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < WARM_UP + SAMPLES; i++) {
      long started = System.nanoTime();
      AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
          .execute(new AcquireJobsCmd(configuration.getJobExecutor(), atOnce));
      double took = (System.nanoTime() - started) / 1e6;
      assertThat(acquired.size()).as("jobs due during the benchmark").isZero();
      if (i >= WARM_UP) {
        millis.add(took);
      }
    }
    return millis;
  }

  private static void progress(Database database, String step) {
    System.out.printf("[benchmark %s] job acquisition, %s: %s%n", Instant.now(), database, step);
  }

  private static List<String> table(Map<Database, Map<Figure, Double>> measured) {
    List<String> lines = new ArrayList<>();
    lines.add("Job acquisition benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
        + " cores, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    lines.add("the application in this JVM (local profile); the engine's acquisition command, " + SAMPLES
        + " times after " + WARM_UP + ", nothing due");
    lines.add(String.format("%-58s %-10s %10s %12s", "figure", "goal", "H2", "PostgreSQL"));
    Tables.bySection(Figure.values(), figure -> figure.row.section()).forEach((section, figures) -> {
      lines.add(section);
      for (Figure figure : figures) {
        Map<Database, Double> values = new EnumMap<>(Database.class);
        measured.forEach((database, byFigure) -> values.put(database, byFigure.get(figure)));
        lines.add(String.format("  %-56s %-10s %10s %12s", figure.row.label(), figure.row.goal(),
            Tables.cell(values.get(Database.H2)), Tables.cell(values.get(Database.POSTGRESQL))));
      }
    });
    lines.add("(lower is better; -: not measured there)");
    return lines;
  }

  private enum Figure {
    WAITING("Timers waiting", "timers in the job table", ">= 10000"),
    WITH_P50("One acquisition (ms)", "with the due-date index, p50", ""),
    WITH_P95("One acquisition (ms)", "with the due-date index, p95", ""),
    WITHOUT_P50("One acquisition (ms)", "without it, as the engine's own schema, p50", ""),
    WITHOUT_P95("One acquisition (ms)", "without it, p95", "");

    final Tables.Row row;

    Figure(String section, String label, String goal) {
      this.row = new Tables.Row(section, label, goal);
    }
  }
}
