package id.go.kapuaskab.lupapassphrase.benchmark;

import id.go.kapuaskab.lupapassphrase.support.AppJar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Complete requests run back to back by a few clients, measured over a window after a warm-up, with what they
 * cost: the CPU time of the nodes that served them (each a JVM of its own), of their JIT compilers among it
 * ({@link JitCpuTime}), of the PostgreSQL server where it runs on this machine ({@link DatabaseServerCpu}) and of the
 * whole machine, the memory the nodes allocated ({@link AllocatedMemory}), and, on PostgreSQL, the transactions its
 * statistics counted in the engine's database and, where the server loads pg_stat_statements, the statements it ran
 * there. Optionally the first node is profiled through the window ({@link Profile}).
 */
final class CostWindow {

  /**
   * What a window measured, CPU in milliseconds per complete request: of the nodes (and of it, their JIT compilers), of
   * the sandbox AMS, of this JVM (the clients), of the PostgreSQL server (NaN where it is not on this machine) and of
   * the whole machine; megabytes the nodes allocated a request; transactions and statements a request, NaN where the
   * database does not count them (H2, or a server without pg_stat_statements).
   */
  record Figures(double rate, double nodeCpuMillis, double nodeJitCpuMillis, double sandboxCpuMillis,
      double clientsCpuMillis, double databaseCpuMillis, double machineCpuMillis, double nodeAllocatedMegabytes,
      double transactions, double statements, double nodeCores, List<String> profile) {
  }

  private CostWindow() {
  }

  /**
   * @param postgreSql the engine's database, or null on H2
   * @param databaseServer a connection to the PostgreSQL server whose CPU to count (the sandbox's store too), or null
   */
  static Figures measure(SopClient client, int clients, List<AppJar> nodes, long sandbox, JdbcTemplate postgreSql,
      JdbcTemplate databaseServer, Duration warmUp, Duration window, Path profileTo) throws Exception {
    Load.rateFor(client, clients, warmUp);
    Optional<DatabaseServerCpu> server = DatabaseServerCpu.of(databaseServer);
    Profile profile = profileTo == null ? null : Profile.start(nodes.get(0).pid(), profileTo);
    double nodeCpu = nodesCpu(nodes);
    double nodeJitCpu = nodesJitCpu(nodes);
    double nodeAllocated = AllocatedMemory.ofNodes(nodes);
    double sandboxCpu = CpuTime.ofProcess(sandbox);
    double clientsCpu = CpuTime.ofProcess(ProcessHandle.current().pid());
    double databaseCpu = databaseCpu(server);
    double machineCpu = CpuTime.ofMachine();
    double transactions = transactions(postgreSql);
    double statements = statements(postgreSql);
    long started = System.nanoTime();
    double rate;
    double nodeCpuUsed;
    double nodeJitCpuUsed;
    double sandboxCpuUsed;
    double clientsCpuUsed;
    double databaseCpuUsed;
    double machineCpuUsed;
    double nodeAllocatedBytes;
    double transactionsMade;
    double statementsRun;
    try (Load load = Load.start(client, clients)) {
      Thread.sleep(window.toMillis());
      nodeCpuUsed = nodesCpu(nodes) - nodeCpu;
      nodeJitCpuUsed = nodesJitCpu(nodes) - nodeJitCpu;
      sandboxCpuUsed = CpuTime.ofProcess(sandbox) - sandboxCpu;
      clientsCpuUsed = CpuTime.ofProcess(ProcessHandle.current().pid()) - clientsCpu;
      databaseCpuUsed = databaseCpu(server) - databaseCpu;
      machineCpuUsed = CpuTime.ofMachine() - machineCpu;
      nodeAllocatedBytes = AllocatedMemory.ofNodes(nodes) - nodeAllocated;
      transactionsMade = transactions(postgreSql) - transactions;
      statementsRun = statements(postgreSql) - statements;
      rate = load.stopAndRate();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double requests = rate * seconds;
    List<String> summary = profile == null ? List.of() : profile.stopAndSummarize(25);
    return new Figures(rate, nodeCpuUsed / requests, nodeJitCpuUsed / requests, sandboxCpuUsed / requests,
        clientsCpuUsed / requests, databaseCpuUsed / requests, machineCpuUsed / requests,
        nodeAllocatedBytes / 1e6 / requests, transactionsMade / requests, statementsRun / requests,
        nodeCpuUsed / 1000 / seconds, summary);
  }

  private static double databaseCpu(Optional<DatabaseServerCpu> server) {
    return server.map(cpu -> cpu.millis().orElse(Double.NaN)).orElse(Double.NaN);
  }

  private static double nodesCpu(List<AppJar> nodes) {
    return nodes.stream().mapToDouble(node -> CpuTime.ofProcess(node.pid())).sum();
  }

  private static double nodesJitCpu(List<AppJar> nodes) {
    return nodes.stream().mapToDouble(node -> JitCpuTime.ofProcess(node.pid())).sum();
  }

  /** Transactions PostgreSQL counted in the engine's database (its statistics lag a second behind under load). */
  private static double transactions(JdbcTemplate postgreSql) {
    if (postgreSql == null) {
      return Double.NaN;
    }
    return postgreSql.queryForObject("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = "
        + "current_database()", Long.class);
  }

  /**
   * Statements PostgreSQL ran in the engine's database at the top level (the engine's, BEGIN included; not the
   * checks of foreign keys they caused), where the server loads pg_stat_statements
   * ({@code shared_preload_libraries}); a count that, unlike the CPU, does not move from run to run.
   */
  private static double statements(JdbcTemplate postgreSql) {
    if (postgreSql == null || !postgreSql.queryForObject("SELECT current_setting('shared_preload_libraries')",
        String.class).contains("pg_stat_statements")) {
      return Double.NaN;
    }
    try {
      postgreSql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    } catch (DataAccessException notAllowed) {
      return Double.NaN;
    }
    return postgreSql.queryForObject("SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements WHERE toplevel AND dbid = "
        + "(SELECT oid FROM pg_database WHERE datname = current_database())", Long.class);
  }
}
