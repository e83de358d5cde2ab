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
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * What a complete request costs the production shape: the packaged jar in a JVM of its own with the production
 * start's JVM options, on H2 and on PostgreSQL, the sandbox AMS alone in another JVM, 8 clients driving requests
 * through /engine-rest with HTTP Basic. After a warm-up long enough for the JIT (default 60 s) it measures a window
 * (default 120 s): requests per second, the node's CPU milliseconds per request, the whole machine's (database,
 * AMS and clients included), database transactions per request (PostgreSQL's own count), and, once every request
 * has ended, the history rows per request by table.
 * <pre>./mvnw -Pbenchmark verify -Dit.test=RequestCostBenchmark [-Dbenchmark.profile=true]
 *     [-Dbenchmark.warmUpSeconds=60] [-Dbenchmark.seconds=120] [-Dbenchmark.jvmOptions="-XX:TieredStopAtLevel=1 ..."]
 *     [-Dbenchmark.databases=h2,postgresql]</pre>
 * With {@code benchmark.profile=true} the Flight Recorder samples the node through the window and the table is
 * followed by the top list (target/benchmark-cost/&lt;column&gt;.jfr and .collapsed keep the profile). Needs
 * PostgreSQL (LUPAPASSPHRASE_TEST_POSTGRES_URL) for the sandbox's store and the PostgreSQL column.
 */
@ExtendWith(PostgreSql.class)
class RequestCostBenchmark {

  private static final int CLIENTS = 8;
  private static final Path RESULTS = Path.of("target", "benchmark-cost").toAbsolutePath();
  private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmUpSeconds", 60));
  private static final Duration WINDOW = Duration.ofSeconds(Long.getLong("benchmark.seconds", 120));
  private static final boolean PROFILE = Boolean.getBoolean("benchmark.profile");
  private static final List<String> JVM_OPTIONS = System.getProperty("benchmark.jvmOptions", "").isBlank()
      ? Cluster.JVM_OPTIONS : Arrays.asList(System.getProperty("benchmark.jvmOptions").trim().split("\\s+"));

  private final Map<Column, Map<Figure, Double>> measured = new EnumMap<>(Column.class);
  private final Map<Column, Map<String, Double>> historyRows = new EnumMap<>(Column.class);
  private final List<String> profiles = new ArrayList<>();

  @Test
  void costOfACompleteRequest() throws Exception {
    List<Column> columns = Column.chosen();
    try (Cluster cluster = new Cluster("cost", RESULTS)) {
      cluster.nodeJvmOptions(JVM_OPTIONS);
      cluster.startSandbox();
      Runnable holder = () -> cluster.setNewPassphrase(DemoPeople.ANI.nik());
      for (Column column : columns) {
        progress(column, "start");
        AppJar node = column == Column.H2 ? cluster.startNodeOnH2("h2") : cluster.startNode("postgresql");
        Cluster.awaitUp(node);
        measure(column, node, column == Column.POSTGRESQL ? cluster.engine() : null, holder);
        if (column == Column.H2) {
          node.stop();
          historyRows.put(column, HistoryRows.perRequest(h2(RESULTS.resolve("h2/data/lupa-passphrase"))));
        } else {
          historyRows.put(column, HistoryRows.perRequest(cluster.engine()));
          node.stop();
        }
      }
    }
    List<String> table = table(columns);
    table.addAll(profiles);
    table.forEach(System.out::println);
    Files.write(RESULTS.resolve("results.txt"), table);

    for (Column column : columns) {
      assertThat(measured.get(column).keySet()).as(column.label).containsAll(column.figures());
      assertThat(measured.get(column).values()).as(column.label).noneMatch(value -> value.isNaN() || value <= 0);
      assertThat(historyRows.get(column)).as(column.label).isNotEmpty();
    }
  }

  private void measure(Column column, AppJar node, JdbcTemplate postgreSql, Runnable holder) throws Exception {
    RestSop client = new RestSop(List.of(node.baseUrl()), Cluster.PASSWORD, holder);
    progress(column, "warm-up: " + CLIENTS + " clients for " + WARM_UP.toSeconds() + " s");
    Load.rateFor(client, CLIENTS, WARM_UP);
    progress(column, CLIENTS + " clients for " + WINDOW.toSeconds() + " s, measured" + (PROFILE ? " and profiled" : ""));
    Profile profile = PROFILE ? Profile.start(node.pid(), RESULTS.resolve(column.name().toLowerCase() + ".jfr")) : null;
    double nodeCpu = CpuTime.ofProcess(node.pid());
    double machineCpu = CpuTime.ofMachine();
    double transactions = postgreSql == null ? Double.NaN : transactions(postgreSql);
    long started = System.nanoTime();
    Load load = Load.start(client, CLIENTS);
    Thread.sleep(WINDOW.toMillis());
    double nodeCpuUsed = CpuTime.ofProcess(node.pid()) - nodeCpu;
    double machineCpuUsed = CpuTime.ofMachine() - machineCpu;
    double transactionsMade = postgreSql == null ? Double.NaN : transactions(postgreSql) - transactions;
    double seconds = (System.nanoTime() - started) / 1e9;
    double rate = load.stopAndRate();
    load.close();
    double requests = rate * seconds;
    Map<Figure, Double> figures = measured.computeIfAbsent(column, c -> new EnumMap<>(Figure.class));
    figures.put(Figure.RATE, rate);
    figures.put(Figure.NODE_CPU, nodeCpuUsed / requests);
    figures.put(Figure.MACHINE_CPU, machineCpuUsed / requests);
    figures.put(Figure.NODE_CORES, nodeCpuUsed / 1000 / seconds);
    figures.put(Figure.NODE_RSS, ChildStartUp.residentMegabytes(node.pid()));
    if (postgreSql != null) {
      figures.put(Figure.TRANSACTIONS, transactionsMade / requests);
    }
    if (profile != null) {
      profiles.add("");
      profiles.add(column.label + ":");
      profiles.addAll(profile.stopAndSummarize(25));
    }
  }

  /** Transactions PostgreSQL counted in the engine's database (its statistics lag a second behind under load). */
  private static double transactions(JdbcTemplate postgreSql) {
    return postgreSql.queryForObject("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()",
        Long.class);
  }

  private static JdbcTemplate h2(Path file) {
    return new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:file:" + file + ";ACCESS_MODE_DATA=r",
        "sa", ""));
  }

  private static void progress(Column column, String step) {
    System.out.printf("[benchmark %s] %s: %s%n", Instant.now(), column.label, step);
  }

  private List<String> table(List<Column> columns) {
    List<String> lines = new ArrayList<>();
    lines.add("Request cost benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    lines.add("the node: the packaged jar in a JVM of its own (" + String.join(" ", JVM_OPTIONS) + "), local profile; the sandbox AMS");
    lines.add("in another JVM; " + CLIENTS + " clients through /engine-rest; warm-up " + WARM_UP.toSeconds() + " s, measured "
        + WINDOW.toSeconds() + " s; everything on the same cores");
    StringBuilder header = new StringBuilder(String.format("%-58s %-10s", "figure", "goal"));
    columns.forEach(column -> header.append(String.format(" %12s", column.label)));
    lines.add(header.toString());
    Tables.bySection(Figure.values(), figure -> figure.row.section()).forEach((section, figures) -> {
      lines.add(section);
      for (Figure figure : figures) {
        StringBuilder line = new StringBuilder(String.format("  %-56s %-10s", figure.row.label(), figure.row.goal()));
        columns.forEach(column -> line.append(String.format(" %12s", cell(measured.get(column).get(figure)))));
        lines.add(line.toString());
      }
    });
    lines.add("History rows per request, by table (after every request ended)");
    TreeSet<String> tables = new TreeSet<>();
    historyRows.values().forEach(rows -> tables.addAll(rows.keySet()));
    Map<String, Double> totals = new LinkedHashMap<>();
    for (String table : tables) {
      StringBuilder line = new StringBuilder(String.format("  %-56s %-10s", table, ""));
      for (Column column : columns) {
        Double rows = historyRows.get(column).get(table);
        line.append(String.format(" %12s", cell(rows)));
        totals.merge(column.label, rows == null ? 0 : rows, Double::sum);
      }
      lines.add(line.toString());
    }
    StringBuilder total = new StringBuilder(String.format("  %-56s %-10s", "all of them", ""));
    columns.forEach(column -> total.append(String.format(" %12s", cell(totals.get(column.label)))));
    lines.add(total.toString());
    lines.add("(requests per second: higher is better; every other figure: lower is better; -: not measured there)");
    return lines;
  }

  private static String cell(Double value) {
    return value == null ? "-" : Tables.format(value);
  }

  private enum Column {
    H2("H2"),
    POSTGRESQL("PostgreSQL");

    final String label;

    Column(String label) {
      this.label = label;
    }

    static List<Column> chosen() {
      return Arrays.stream(System.getProperty("benchmark.databases", "h2,postgresql").split(","))
          .map(name -> valueOf(name.trim().toUpperCase())).toList();
    }

    List<Figure> figures() {
      return Arrays.stream(Figure.values()).filter(figure -> this == POSTGRESQL || figure != Figure.TRANSACTIONS).toList();
    }
  }

  private enum Figure {
    RATE("Complete requests per second", "REST API, HTTP Basic (" + CLIENTS + " clients)", ">= 50"),
    NODE_CPU("Cost of a complete request", "CPU of the node (ms)", ""),
    MACHINE_CPU("Cost of a complete request", "CPU of the machine: node, database, AMS, clients (ms)", ""),
    TRANSACTIONS("Cost of a complete request", "database transactions (PostgreSQL's count)", ""),
    NODE_CORES("Cost of a complete request", "cores the node kept busy", ""),
    NODE_RSS("The node at the end of the window", "resident memory (MB)", "< 400");

    final Tables.Row row;

    Figure(String section, String label, String goal) {
      this.row = new Tables.Row(section, label, goal);
    }
  }
}
