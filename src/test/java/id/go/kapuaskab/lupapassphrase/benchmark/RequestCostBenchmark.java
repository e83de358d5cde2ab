package id.go.kapuaskab.lupapassphrase.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.AppJar;
import id.go.kapuaskab.lupapassphrase.support.Cluster;
import id.go.kapuaskab.lupapassphrase.support.PostgreSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * What a complete request costs the production shape: the packaged jar in a JVM of its own with the production
 * start's JVM options, on H2 and on PostgreSQL, and next to it on PostgreSQL the stock configuration (the JVM's
 * default options, the Camunda starter's job-executor defaults) and two nodes on one database (each step of a request
 * to the next node); the sandbox AMS alone in another JVM, 8 clients
 * driving requests through /engine-rest with HTTP Basic. After a warm-up long enough for the JIT to settle (default
 * 300 s: after 60 s its compilers still took a fifth of the node's CPU) it measures a window (default 120 s): requests
 * per second, the node's CPU milliseconds per request and its JIT compilers' among them, the PostgreSQL server's
 * where it runs on this machine (the sandbox's store is on it too), the whole machine's (database, AMS and clients
 * included), the megabytes the node allocated per request (its own metrics' count), database transactions per
 * request (PostgreSQL's own count;
 * the engine's transactions are the same on H2), the node's resident memory at the end (on H2 also the size of its
 * database file), and, once every request has
 * ended, the history rows per request by table. With {@code benchmark.runs} above 1 the columns take turns that
 * many times, each run on fresh databases, and the table shows each figure's median, then each run's throughput
 * and node CPU: one run can be far from the next on a machine this small.
 * <pre>./mvnw -Pbenchmark verify -Dit.test=RequestCostBenchmark [-Dbenchmark.profile=true] [-Dbenchmark.runs=3]
 *     [-Dbenchmark.warmUpSeconds=300] [-Dbenchmark.seconds=120] [-Dbenchmark.jvmOptions="-Xss512k ..."]
 *     [-Dbenchmark.columns=h2,postgresql,postgresql_stock,two_nodes]</pre>
 * With {@code benchmark.profile=true} the Flight Recorder samples the node (the first of two) through the window and
 * the table is followed by the top list (target/benchmark-cost/&lt;column&gt;.jfr and .collapsed keep the profile). Needs
 * PostgreSQL (LUPAPASSPHRASE_TEST_POSTGRES_URL) for the sandbox's store and the PostgreSQL column.
 */
@ExtendWith(PostgreSql.class)
class RequestCostBenchmark {

  private static final int CLIENTS = 8;
  private static final Path RESULTS = Path.of("target", "benchmark-cost").toAbsolutePath();
  private static final Duration WARM_UP = ThroughputWindow.WARM_UP;
  private static final Duration WINDOW = ThroughputWindow.MEASURED;
  private static final boolean PROFILE = Boolean.getBoolean("benchmark.profile");
  private static final int RUNS = Integer.getInteger("benchmark.runs", 1);
  private static final List<String> JVM_OPTIONS = System.getProperty("benchmark.jvmOptions", "").isBlank()
      ? Cluster.JVM_OPTIONS : Arrays.asList(System.getProperty("benchmark.jvmOptions").trim().split("\\s+"));

  /** Each column's figures, run by run. */
  private final Map<Column, List<Map<Figure, Double>>> measured = new EnumMap<>(Column.class);
  private final Map<Column, List<Map<String, Double>>> historyRows = new EnumMap<>(Column.class);
  private final List<String> profiles = new ArrayList<>();

  @Test
  void costOfACompleteRequest() throws Exception {
    List<Column> columns = Column.chosen();
    FileSystemUtils.deleteRecursively(RESULTS);
    for (int run = 1; run <= RUNS; run++) {
      Path folder = RUNS == 1 ? RESULTS : RESULTS.resolve("run-" + run);
      for (Column column : columns) {
        // a sandbox of its own: two columns' databases can give two requests the same number, and the sandbox
        // would answer the second one's reset with the first one's link, already used
        Path columnFolder = folder.resolve(column.name().toLowerCase());
        try (Cluster cluster = new Cluster("cost", columnFolder)) {
          progress(column, run, "start");
          long sandbox = cluster.startSandbox().pid();
          Runnable holder = () -> cluster.setNewPassphrase(DemoPeople.ANI.nik());
          cluster.nodeJvmOptions(Profile.recordable(column.stock ? List.of() : JVM_OPTIONS, PROFILE));
          cluster.nodeArguments(column.stock ? BenchmarkSetup.STOCK.overrideArguments() : List.of());
          List<AppJar> nodes = new ArrayList<>();
          for (int n = 1; n <= column.nodes; n++) {
            String name = column.name().toLowerCase() + (column.nodes == 1 ? "" : "-" + n);
            nodes.add(column.postgreSql ? cluster.startNode(name) : cluster.startNodeOnH2("h2"));
          }
          Cluster.awaitUp(nodes.toArray(AppJar[]::new));
          Map<String, Long> before = column.postgreSql ? HistoryRows.count(cluster.engine()) : Map.of();
          measure(column, run, folder, nodes, sandbox, column.postgreSql ? cluster.engine() : null, cluster.sandboxStore(),
              holder);
          if (!column.postgreSql) {
            List<Map<Figure, Double>> runs = measured.get(column);
            runs.get(runs.size() - 1).put(Figure.H2_FILE,
                Files.size(columnFolder.resolve("h2/data/lupa-passphrase.mv.db")) / 1e6);
          }
          nodes.forEach(AppJar::stop);
          Map<String, Long> after = HistoryRows.count(column.postgreSql ? cluster.engine()
              : h2(columnFolder.resolve("h2/data/lupa-passphrase")));
          historyRows.computeIfAbsent(column, c -> new ArrayList<>()).add(HistoryRows.perRequest(before, after));
        }
      }
    }
    Files.createDirectories(RESULTS);
    List<String> table = table(columns);
    table.addAll(profiles);
    table.forEach(System.out::println);
    Files.write(RESULTS.resolve("results.txt"), table);

    for (Column column : columns) {
      assertThat(measured.get(column)).as(column.label).hasSize(RUNS).allSatisfy(run -> {
        assertThat(run.keySet()).as(column.label).containsAll(column.figures());
        assertThat(run.values()).as(column.label).noneMatch(value -> value.isNaN() || value <= 0);
      });
      assertThat(historyRows.get(column)).as(column.label).hasSize(RUNS).allSatisfy(rows -> assertThat(rows).isNotEmpty());
    }
  }

  private void measure(Column column, int run, Path folder, List<AppJar> nodes, long sandbox, JdbcTemplate postgreSql,
      JdbcTemplate databaseServer, Runnable holder) throws Exception {
    progress(column, run, "warm-up for " + WARM_UP.toSeconds() + " s, then " + CLIENTS + " clients measured for "
        + WINDOW.toSeconds() + " s" + (PROFILE ? " and profiled" : ""));
    CostWindow.Figures cost = CostWindow.measure(new RestSop(nodes.stream().map(AppJar::baseUrl).toList(), Cluster.PASSWORD,
        holder), CLIENTS, nodes, sandbox, postgreSql, databaseServer, WARM_UP, WINDOW, PROFILE ? folder.resolve(column.name().toLowerCase() + ".jfr") : null);
    Map<Figure, Double> figures = new EnumMap<>(Figure.class);
    measured.computeIfAbsent(column, c -> new ArrayList<>()).add(figures);
    figures.put(Figure.RATE, cost.rate());
    figures.put(Figure.NODE_CPU, cost.nodeCpuMillis());
    figures.put(Figure.NODE_JIT_CPU, cost.nodeJitCpuMillis());
    figures.put(Figure.SANDBOX_CPU, cost.sandboxCpuMillis());
    figures.put(Figure.CLIENTS_CPU, cost.clientsCpuMillis());
    if (!Double.isNaN(cost.databaseCpuMillis())) {
      figures.put(Figure.DATABASE_CPU, cost.databaseCpuMillis());
    }
    figures.put(Figure.MACHINE_CPU, cost.machineCpuMillis());
    figures.put(Figure.NODE_ALLOCATED, cost.nodeAllocatedMegabytes());
    figures.put(Figure.NODE_CORES, cost.nodeCores());
    double largest = 0;
    for (AppJar node : nodes) {
      largest = Math.max(largest, ChildStartUp.residentMegabytes(node.pid()));
    }
    figures.put(Figure.NODE_RSS, largest);
    if (postgreSql != null) {
      figures.put(Figure.TRANSACTIONS, cost.transactions());
    }
    if (!Double.isNaN(cost.statements())) {
      figures.put(Figure.STATEMENTS, cost.statements());
    }
    if (PROFILE) {
      profiles.add("");
      profiles.add(column.label + (RUNS == 1 ? "" : ", run " + run) + ":");
      profiles.addAll(cost.profile());
    }
  }

  private static JdbcTemplate h2(Path file) {
    return new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:file:" + file + ";ACCESS_MODE_DATA=r",
        "sa", ""));
  }

  private static void progress(Column column, int run, String step) {
    System.out.printf("[benchmark %s] %s%s: %s%n", Instant.now(), column.label, RUNS == 1 ? "" : " (run " + run + " of " + RUNS + ")", step);
  }

  private List<String> table(List<Column> columns) {
    List<String> lines = new ArrayList<>();
    lines.add("Request cost benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    lines.add("each node: the packaged jar in a JVM of its own (" + String.join(" ", JVM_OPTIONS) + "), local profile;");
    lines.add("stock: the JVM's default options and the Camunda starter's job-executor defaults; the sandbox AMS in another JVM;");
    lines.add(CLIENTS + " clients through /engine-rest; warm-up " + WARM_UP.toSeconds() + " s, then measured for "
        + WINDOW.toSeconds() + " s; everything on the same cores"
        + (RUNS == 1 ? "" : "; each figure the median of " + RUNS + " runs, the columns taking turns, each run on fresh databases"));
    StringBuilder header = new StringBuilder(String.format("%-58s %-10s", "figure", "goal"));
    columns.forEach(column -> header.append(String.format(" %12s", column.label)));
    lines.add(header.toString());
    Tables.bySection(Figure.values(), figure -> figure.row.section()).forEach((section, figures) -> {
      lines.add(section);
      for (Figure figure : figures) {
        StringBuilder line = new StringBuilder(String.format("  %-56s %-10s", figure.row.label(), figure.row.goal()));
        columns.forEach(column -> line.append(String.format(" %12s",
            Tables.cell(median(measured.get(column).stream().map(run -> run.get(figure)).toList())))));
        lines.add(line.toString());
      }
    });
    lines.add("History rows per request, by table (after every request ended)");
    TreeSet<String> tables = new TreeSet<>();
    historyRows.values().forEach(runs -> runs.forEach(rows -> tables.addAll(rows.keySet())));
    Map<String, Double> totals = new LinkedHashMap<>();
    for (String table : tables) {
      StringBuilder line = new StringBuilder(String.format("  %-56s %-10s", table, ""));
      for (Column column : columns) {
        Double rows = median(historyRows.get(column).stream().map(run -> run.get(table)).toList());
        line.append(String.format(" %12s", Tables.cell(rows)));
        totals.merge(column.label, rows == null ? 0 : rows, Double::sum);
      }
      lines.add(line.toString());
    }
    StringBuilder total = new StringBuilder(String.format("  %-56s %-10s", "all of them", ""));
    columns.forEach(column -> total.append(String.format(" %12s", Tables.cell(totals.get(column.label)))));
    lines.add(total.toString());
    if (RUNS > 1) {
      lines.add("Each run, in order");
      for (Column column : columns) {
        lines.add(String.format("  %-12s requests per second %s; CPU of the node (ms) %s", column.label + ":",
            eachRun(column, Figure.RATE), eachRun(column, Figure.NODE_CPU)));
      }
    }
    lines.add("(requests per second: higher is better; every other figure: lower is better; -: not measured there)");
    return lines;
  }

  private String eachRun(Column column, Figure figure) {
    return String.join(", ", measured.get(column).stream().map(run -> Tables.cell(run.get(figure))).toList());
  }

  /** The median (by nearest rank, as every benchmark's percentiles) of the runs that measured it; null when none did. */
  private static Double median(List<Double> values) {
    List<Double> measured = values.stream().filter(Objects::nonNull).toList();
    return measured.isEmpty() ? null : Stats.of(measured).p50();
  }

  private enum Column {
    H2("H2", false, false, 1),
    POSTGRESQL("PostgreSQL", true, false, 1),
    POSTGRESQL_STOCK("PG, stock", true, true, 1),
    /** Two nodes on one database, each step of a request to the next node, as a load balancer without sticky sessions. */
    TWO_NODES("PG, 2 nodes", true, false, 2);

    final String label;
    final boolean postgreSql;
    final boolean stock;
    final int nodes;

    Column(String label, boolean postgreSql, boolean stock, int nodes) {
      this.label = label;
      this.postgreSql = postgreSql;
      this.stock = stock;
      this.nodes = nodes;
    }

    static List<Column> chosen() {
      return Arrays.stream(System.getProperty("benchmark.columns", "h2,postgresql,postgresql_stock,two_nodes").split(","))
          .map(name -> valueOf(name.trim().toUpperCase())).toList();
    }

    List<Figure> figures() {
      // statements only where the server loads pg_stat_statements, its CPU only where it runs on this machine
      return Arrays.stream(Figure.values()).filter(figure -> !postgreSql || figure != Figure.H2_FILE)
          .filter(figure -> postgreSql || figure != Figure.TRANSACTIONS)
          .filter(figure -> figure != Figure.STATEMENTS && figure != Figure.DATABASE_CPU).toList();
    }
  }

  private enum Figure {
    RATE("Complete requests per second", "REST API, HTTP Basic (" + CLIENTS + " clients)", ">= 50"),
    NODE_CPU("Cost of a complete request", "CPU of the node, or of both (ms)", ""),
    NODE_JIT_CPU("Cost of a complete request", "  of which its JIT compilers, still at work (ms)", ""),
    SANDBOX_CPU("Cost of a complete request", "CPU of the sandbox AMS (ms)", ""),
    CLIENTS_CPU("Cost of a complete request", "CPU of the 8 clients, in the benchmark's JVM (ms)", ""),
    DATABASE_CPU("Cost of a complete request", "CPU of PostgreSQL, the sandbox's store too (ms)", ""),
    MACHINE_CPU("Cost of a complete request", "CPU of the machine, the database and system too (ms)", ""),
    NODE_ALLOCATED("Cost of a complete request", "memory the node allocated, or both (MB)", ""),
    TRANSACTIONS("Cost of a complete request", "database transactions (PostgreSQL's count)", ""),
    STATEMENTS("Cost of a complete request", "database statements (pg_stat_statements, if loaded)", ""),
    NODE_CORES("Cost of a complete request", "cores the node kept busy, or both", ""),
    NODE_RSS("The node at the end of the window", "resident memory, the larger of two (MB)", "< 400"),
    H2_FILE("The node at the end of the window", "H2's database file (MB)", "");

    final Tables.Row row;

    Figure(String section, String label, String goal) {
      this.row = new Tables.Row(section, label, goal);
    }
  }
}
