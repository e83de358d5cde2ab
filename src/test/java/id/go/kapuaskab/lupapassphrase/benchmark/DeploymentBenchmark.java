package id.go.kapuaskab.lupapassphrase.benchmark;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TIMER_SUBMIT_REQUEST_SLA;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.AppJar;
import id.go.kapuaskab.lupapassphrase.support.Cluster;
import id.go.kapuaskab.lupapassphrase.support.PostgreSql;
import id.go.kapuaskab.lupapassphrase.support.SopOverRest;
import id.go.kapuaskab.sandboxams.SandboxOutage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deployment shapes side by side, in one run ({@code ./mvnw -Pbenchmark verify}, which runs it
 * before EngineBenchmark): the packaged jar on H2 as `./mvnw spring-boot:run` runs it, on PostgreSQL
 * alone, and as two nodes on that PostgreSQL database, every one with the sandbox AMS running alone
 * in a JVM of its own. For each: complete requests per second through /engine-rest (8 clients; with
 * two nodes each step goes to the next node), what a request cost the nodes (CPU, memory allocated) and the
 * machine, and the verifier's first page with 10,000 requests in
 * the queue; for two nodes also what happens when one dies under load: how late the SLA timers it
 * had scheduled fire on the other, and how long the other takes to run the jobs it had locked. It
 * prints a table, writes it to target/benchmark-deployment/results.txt, and asserts only that every
 * figure was measured. Needs PostgreSQL (LUPAPASSPHRASE_TEST_POSTGRES_URL, as the tests).
 */
@ExtendWith(PostgreSql.class)
class DeploymentBenchmark {

  private static final int CLIENTS = 8;
  private static final Duration WARM_UP = ThroughputWindow.WARM_UP;
  private static final Duration WINDOW = ThroughputWindow.MEASURED;
  private static final int OPEN_REQUESTS = 10_000;
  private static final int TIMERS = 100;
  private static final int APPROVED_ON_THE_DYING_NODE = 20;
  private static final Path RESULTS = Path.of("target", "benchmark-deployment").toAbsolutePath();
  private static final String ANI = DemoPeople.ANI.userId();
  private static final String ADMIN = DemoPeople.ADMIN.userId();

  private final Map<Column, Map<Figure, Double>> measured = new EnumMap<>(Column.class);

  @Test
  void h2NextToPostgreSqlWithOneAndWithTwoNodes() throws Exception {
    try (Cluster cluster = new Cluster("benchmark", RESULTS)) {
      // H2 on a sandbox AMS of its own: a reset's idempotency key is the request number, which the H2 and the
      // PostgreSQL database each draw at random; one drawn in both would be answered with the first one's link
      Path h2Folder = RESULTS.resolve("h2-column");
      try (Cluster onH2 = new Cluster("benchmark_h2", h2Folder)) {
        long sandbox = onH2.startSandbox().pid();
        progress(Column.H2, "start");
        AppJar h2 = onH2.startNodeOnH2("h2");
        Cluster.awaitUp(h2);
        throughput(Column.H2, List.of(h2), sandbox, null, () -> onH2.setNewPassphrase(DemoPeople.ANI.nik()));
        // one process at a time on an H2 file: the node stops while the queue is filled, then starts again
        h2.stop();
        fillQueue(Column.H2, List.of("--spring.profiles.active=local", "--spring.datasource.url=jdbc:h2:file:"
            + h2Folder.resolve("h2/data/lupa-passphrase") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=256"));
        AppJar h2Again = onH2.startNodeOnH2("h2");
        Cluster.awaitUp(h2Again);
        latencies(Column.H2, List.of(h2Again));
        h2Again.stop();
      }

      long sandbox = cluster.startSandbox().pid();
      Runnable holder = () -> cluster.setNewPassphrase(DemoPeople.ANI.nik());
      progress(Column.POSTGRESQL, "start");
      AppJar a = cluster.startNode("node-a");
      Cluster.awaitUp(a);
      throughput(Column.POSTGRESQL, List.of(a), sandbox, cluster.engine(), holder);

      progress(Column.TWO_NODES, "start the second node");
      AppJar b = cluster.startNode("node-b");
      Cluster.awaitUp(b);
      throughput(Column.TWO_NODES, List.of(a, b), sandbox, cluster.engine(), holder);
      aNodeDies(cluster, a, b, holder);

      progress(Column.TWO_NODES, "start node A again");
      AppJar again = cluster.startNode("node-a");
      Cluster.awaitUp(again);
      List<String> onPostgreSql = new ArrayList<>(List.of("--spring.profiles.active=local,postgres"));
      onPostgreSql.addAll(cluster.engineDatabase().arguments());
      fillQueue(Column.POSTGRESQL, onPostgreSql);
      vacuumAnalyze(cluster.engineDatabase());
      figures(Column.TWO_NODES).put(Figure.QUEUE_SIZE, (double) OPEN_REQUESTS);
      latencies(Column.POSTGRESQL, List.of(again));
      latencies(Column.TWO_NODES, List.of(again, b));
    }
    List<String> table = table();
    table.forEach(System.out::println);
    Files.write(RESULTS.resolve("results.txt"), table);

    for (Column column : Column.values()) {
      assertThat(measured.get(column).keySet()).as(column.label).containsExactlyInAnyOrderElementsOf(column.figures());
      assertThat(measured.get(column).values()).as(column.label).noneMatch(value -> value.isNaN());
    }
  }

  private void throughput(Column column, List<AppJar> nodes, long sandbox, JdbcTemplate postgreSql, Runnable holder)
      throws Exception {
    List<String> urls = nodes.stream().map(AppJar::baseUrl).toList();
    progress(column, "warm-up for " + WARM_UP.toSeconds() + " s, then " + CLIENTS + " clients run requests through the "
        + "REST API, measured for " + WINDOW.toSeconds() + " s");
    CostWindow.Figures cost = CostWindow.measure(new RestSop(urls, Cluster.PASSWORD, holder), CLIENTS,
        nodes, sandbox, postgreSql, null, WARM_UP, WINDOW, null);
    figures(column).put(Figure.REST_RATE, cost.rate());
    figures(column).put(Figure.NODE_CPU, cost.nodeCpuMillis());
    figures(column).put(Figure.MACHINE_CPU, cost.machineCpuMillis());
    figures(column).put(Figure.NODE_ALLOCATED, cost.nodeAllocatedMegabytes());
    if (postgreSql != null) {
      figures(column).put(Figure.TRANSACTIONS, cost.transactions());
    }
  }

  /**
   * Fills the verifier's queue to 10,000 open requests through the Java API of the application started
   * in this JVM on the database the arguments name (its job executor off), as EngineBenchmark does:
   * over REST it would take ten times as long.
   */
  private void fillQueue(Column column, List<String> database) throws Exception {
    progress(column, "verifier's queue filled to " + OPEN_REQUESTS + " open requests");
    List<String> arguments = new ArrayList<>(database);
    arguments.addAll(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--lupa-passphrase.node.name=queue-filler", "--logging.level.root=WARN",
        "--lupa-passphrase.ams.sandbox.store-url=jdbc:h2:mem:queue-filler-sandbox;DB_CLOSE_DELAY=-1"));
    try (RunningApp filler = RunningApp.startWith(arguments)) {
      VerifierQueue queue = new VerifierQueue(filler.engine);
      queue.fillTo(OPEN_REQUESTS, column.label);
      figures(column).put(Figure.QUEUE_SIZE, (double) queue.queued());
    }
  }

  /**
   * What PostgreSQL's autovacuum does a minute or two after a bulk insert, done at once: the queue is
   * filled in about a minute, which the office never does, and the page would be measured against the
   * vacuum running on the same two cores.
   */
  private static void vacuumAnalyze(PostgreSql.Database database) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("VACUUM (ANALYZE)");
    }
  }

  private void latencies(Column column, List<AppJar> asking) {
    Stats rest = Stats.of(VerifierQueue.restLatencies(asking.stream().map(AppJar::baseUrl).toList(), Cluster.PASSWORD));
    figures(column).put(Figure.QUEUE_REST_P50, rest.p50());
    figures(column).put(Figure.QUEUE_REST_P95, rest.p95());
  }

  /**
   * Node B runs requests for 8 clients; through node A, SLA timers of 100 requests are moved to fall
   * due 15 to 20 s later and 20 requests are approved while AMS answers slowly; A is killed while it
   * holds their AMS jobs. B fires the timers and, once the locks expire, runs A's jobs.
   */
  private void aNodeDies(Cluster cluster, AppJar a, AppJar b, Runnable holder) throws Exception {
    progress(Column.TWO_NODES, TIMERS + " requests opened for their timers, " + APPROVED_ON_THE_DYING_NODE + " for A's jobs");
    SopOverRest onA = new SopOverRest(a.baseUrl(), Cluster.PASSWORD);
    SopOverRest onB = new SopOverRest(b.baseUrl(), Cluster.PASSWORD);
    List<String> timed = new ArrayList<>();
    for (int i = 0; i < TIMERS; i++) {
      timed.add(onB.start(ANI));
    }
    List<String> toApprove = new ArrayList<>();
    for (int i = 0; i < APPROVED_ON_THE_DYING_NODE; i++) {
      String request = onB.start(ANI);
      onB.submit(ANI, request, DemoPeople.ANI);
      toApprove.add(request);
    }

    try (Load load = Load.start(new RestSop(List.of(b.baseUrl()), Cluster.PASSWORD, holder), CLIENTS)) {
      progress(Column.TWO_NODES, "timers moved through node A, then A approves while AMS is slow, then A is killed");
      Map<String, Long> dueAt = new LinkedHashMap<>();
      long first = System.currentTimeMillis() + 15_000;
      for (int i = 0; i < timed.size(); i++) {
        long due = first + i * 50L;
        String job = onA.call(ADMIN, "GET", "/job?timers=true&maxResults=15&processInstanceId=" + timed.get(i) + "&activityId="
            + TIMER_SUBMIT_REQUEST_SLA, null).get(0).get("id").asText();
        onA.call(ADMIN, "PUT", "/job/" + job + "/duedate",
            Map.of("duedate", new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(new Date(due))));
        dueAt.put(timed.get(i), due);
      }
      cluster.outage(SandboxOutage.Mode.SLOW);
      ExecutorService verifiers = Executors.newFixedThreadPool(4);
      for (String request : toApprove) {
        verifiers.submit(() -> onA.approve(DemoPeople.VERA.userId(), request));
      }
      Waiting.until(() -> lockedBy(cluster, "node-a").size() >= 4, () -> "node A to hold AMS jobs");
      a.kill();
      Instant killed = Instant.now();
      verifiers.shutdownNow();
      cluster.outage(SandboxOutage.Mode.NONE);
      List<String> locked = lockedBy(cluster, "node-a");

      progress(Column.TWO_NODES, locked.size() + " jobs locked by the dead node; waiting for node B to run them");
      Map<String, Instant> ranAt = new ConcurrentHashMap<>();
      long deadline = System.currentTimeMillis() + 120_000;
      while (ranAt.size() < locked.size() && System.currentTimeMillis() < deadline) {
        for (String job : locked) {
          if (!ranAt.containsKey(job) && cluster.engine().queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ = ?",
              Long.class, job) == 0) {
            ranAt.put(job, Instant.now());
          }
        }
        Thread.sleep(50);
      }
      List<Double> pickUp = ranAt.values().stream().map(at -> Duration.between(killed, at).toMillis() / 1000.0).toList();
      Stats pickedUp = Stats.of(pickUp);
      figures(Column.TWO_NODES).put(Figure.DEAD_NODE_JOBS, (double) locked.size());
      figures(Column.TWO_NODES).put(Figure.PICK_UP_P50, pickedUp.p50());
      figures(Column.TWO_NODES).put(Figure.PICK_UP_MAX, ranAt.size() == locked.size() ? pickedUp.max() : Double.NaN);

      List<Double> lateness = new ArrayList<>();
      for (Map.Entry<String, Long> timer : dueAt.entrySet()) {
        List<Timestamp> fired = cluster.engine().queryForList("SELECT TIMESTAMP_ FROM ACT_HI_JOB_LOG WHERE "
            + "PROCESS_INSTANCE_ID_ = ? AND ACT_ID_ = ? AND JOB_STATE_ = 2", Timestamp.class, timer.getKey(),
            TIMER_SUBMIT_REQUEST_SLA);
        lateness.add(fired.size() == 1 ? fired.get(0).getTime() - timer.getValue() : Double.NaN);
      }
      Stats late = Stats.of(lateness);
      figures(Column.TWO_NODES).put(Figure.DEAD_TIMER_P50, late.p50());
      figures(Column.TWO_NODES).put(Figure.DEAD_TIMER_P99, late.p99());
      figures(Column.TWO_NODES).put(Figure.DEAD_TIMER_MAX, late.max());
      load.stopAndRate();
    }
  }

  private static List<String> lockedBy(Cluster cluster, String node) {
    return cluster.engine().queryForList("SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ = ?", String.class, node);
  }

  private Map<Figure, Double> figures(Column column) {
    return measured.computeIfAbsent(column, c -> new EnumMap<>(Figure.class));
  }

  private static void progress(Column column, String step) {
    System.out.printf("[benchmark %s] %s: %s%n", Instant.now(), column.label, step);
  }

  private List<String> table() {
    List<String> lines = new ArrayList<>();
    lines.add("Deployment benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    lines.add("each node: the packaged jar in a JVM of its own (" + String.join(" ", Cluster.JVM_OPTIONS) + "), local profile;");
    lines.add("AMS: the sandbox alone, in another JVM; clients and sandbox share the same 2 cores; requests per second "
        + ThroughputWindow.described());
    lines.add(String.format("%-58s %-10s %12s %12s %12s", "figure", "goal", Column.H2.label, Column.POSTGRESQL.label,
        Column.TWO_NODES.label));
    Tables.bySection(Figure.values(), figure -> figure.row.section()).forEach((section, figures) -> {
      lines.add(section);
      for (Figure figure : figures) {
        lines.add(String.format("  %-56s %-10s %12s %12s %12s", figure.row.label(), figure.row.goal(), cell(Column.H2, figure),
            cell(Column.POSTGRESQL, figure), cell(Column.TWO_NODES, figure)));
      }
    });
    lines.add("(requests per second: higher is better; every other figure: lower is better; -: not measured there)");
    return lines;
  }

  private String cell(Column column, Figure figure) {
    return Tables.cell(measured.getOrDefault(column, Map.of()).get(figure));
  }

  private enum Column {
    H2("H2"),
    POSTGRESQL("PostgreSQL"),
    TWO_NODES("2 nodes");

    final String label;

    Column(String label) {
      this.label = label;
    }

    List<Figure> figures() {
      return List.of(Figure.values()).stream().filter(figure -> this == TWO_NODES || !figure.twoNodesOnly)
          .filter(figure -> this != H2 || figure != Figure.TRANSACTIONS).toList();
    }
  }

  private enum Figure {
    REST_RATE("Complete requests per second", "REST API, HTTP Basic (" + CLIENTS + " clients)", ">= 50", false),
    NODE_CPU("Cost of a complete request", "CPU of the nodes (ms)", "", false),
    MACHINE_CPU("Cost of a complete request", "CPU of the machine: nodes, database, AMS, clients (ms)", "", false),
    NODE_ALLOCATED("Cost of a complete request", "memory the nodes allocated (MB)", "", false),
    TRANSACTIONS("Cost of a complete request", "database transactions (PostgreSQL's count)", "", false),
    QUEUE_SIZE("Verifier's queue, first page of 15 (ms)", "open requests in the queue", ">= 10000", false),
    QUEUE_REST_P50("Verifier's queue, first page of 15 (ms)", "REST API p50", "", false),
    QUEUE_REST_P95("Verifier's queue, first page of 15 (ms)", "REST API p95", "< 50", false),
    DEAD_TIMER_P50("SLA timers moved through a node that then died (ms late)", "p50, fired by the other node", "", true),
    DEAD_TIMER_P99("SLA timers moved through a node that then died (ms late)", "p99", "<= 100", true),
    DEAD_TIMER_MAX("SLA timers moved through a node that then died (ms late)", "max", "<= 250", true),
    DEAD_NODE_JOBS("Jobs the dead node had locked (s after the kill)", "jobs it held (AMS calls under way)", "", true),
    PICK_UP_P50("Jobs the dead node had locked (s after the kill)", "run by the other node, p50", "", true),
    PICK_UP_MAX("Jobs the dead node had locked (s after the kill)", "run by the other node, max", "lock 60 s", true);

    final Tables.Row row;
    final boolean twoNodesOnly;

    Figure(String section, String label, String goal, boolean twoNodesOnly) {
      this.row = new Tables.Row(section, label, goal);
      this.twoNodesOnly = twoNodesOnly;
    }
  }
}
