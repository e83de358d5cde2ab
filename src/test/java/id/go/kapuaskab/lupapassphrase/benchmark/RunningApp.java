package id.go.kapuaskab.lupapassphrase.benchmark;

import id.go.kapuaskab.lupapassphrase.LupaPassphraseApplication;
import id.go.kapuaskab.sandboxams.SandboxAms;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application started in this JVM, on its own H2 file database as `./mvnw spring-boot:run` starts it, or as told. */
final class RunningApp implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  final ProcessEngine engine;
  final SandboxAms ams;
  final int port;

  private RunningApp(ConfigurableApplicationContext context) {
    this.context = context;
    this.engine = context.getBean(ProcessEngine.class);
    this.ams = context.getBean(SandboxAms.class);
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  static RunningApp start(BenchmarkSetup setup, Path dataFolder) throws SQLException {
    RunningApp app = startWith(setup.arguments(dataFolder, 0));
    try (Connection connection = app.dataSource().getConnection(); Statement sql = connection.createStatement()) {
      sql.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
      sql.execute("SET QUERY_STATISTICS TRUE");
    }
    return app;
  }

  /** The application with these command-line arguments, which win over application.yaml (builder properties would not). */
  static RunningApp startWith(List<String> arguments) {
    return new RunningApp(new SpringApplicationBuilder(LupaPassphraseApplication.class).run(arguments.toArray(String[]::new)));
  }

  /** How many queries on the job table H2 has run since its statistics were switched on. */
  long jobTableQueries() throws SQLException {
    try (Connection connection = dataSource().getConnection(); Statement sql = connection.createStatement()) {
      long count = 0;
      try (ResultSet statements = sql.executeQuery(
          "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
        while (statements.next()) {
          String statement = statements.getString(1).toUpperCase();
          if (statement.matches("(?s).*\\bACT_RU_JOB\\b.*") && !statement.contains("QUERY_STATISTICS")) {
            count += statements.getLong(2);
          }
        }
      }
      // H2 2.3 stops counting once its statistics have been read; switching them on again goes on counting
      sql.execute("SET QUERY_STATISTICS TRUE");
      return count;
    }
  }

  /** Runs one SQL statement on the application's database, outside a transaction (VACUUM needs that). */
  void sql(String statement) throws SQLException {
    try (Connection connection = dataSource().getConnection(); Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }

  private DataSource dataSource() {
    return context.getBean(DataSource.class);
  }

  @Override
  public void close() {
    context.close();
  }
}
