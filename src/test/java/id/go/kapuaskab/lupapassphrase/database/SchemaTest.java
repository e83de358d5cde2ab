package id.go.kapuaskab.lupapassphrase.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.go.kapuaskab.lupapassphrase.support.PostgreSql;
import id.go.kapuaskab.lupapassphrase.support.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The application's changelog (db/changelog.xml) brings a fresh database to exactly the schema the
 * engine would make for itself, table by table, column by column, index by index, plus the index the
 * application adds to the engine's tables on PostgreSQL ({@link #ADDED_INDEXES}); the engine then starts
 * on it with its schema check on. A database the engine made for itself is refused with a
 * message saying what to do. On H2, and on PostgreSQL in the second run ({@link TestDatabase}).
 */
@Tag(TestDatabase.TAG)
@ExtendWith(TestDatabase.class)
class SchemaTest {

  private static final String CHANGELOG = "classpath:db/changelog.xml";
  /**
   * The job acquisition's and the job-table watch's reads of the jobs due now, which the engine does not index; on
   * PostgreSQL only, as H2 does not use an index for their condition.
   */
  private static final List<String> ADDED_INDEXES = TestDatabase.POSTGRESQL
      ? List.of("ACT_RU_JOB index LP_IDX_JOB_DUEDATE on DUEDATE_") : List.of();

  private final List<ProcessEngine> engines = new ArrayList<>();

  @AfterEach
  void closeEngines() {
    engines.forEach(ProcessEngine::close);
  }

  @Test
  void theChangelogMakesTheSchemaTheEngineExpectsAndTheEngineStartsOnItWithItsCheckOn() throws Exception {
    Database byLiquibase = freshDatabase("schema_liquibase");
    Database byEngine = freshDatabase("schema_engine");

    liquibase(byLiquibase).afterPropertiesSet();
    engine(byEngine, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);

    List<String> expected = new ArrayList<>(describe(byEngine));
    assertThat(expected).as("the engine's own schema").hasSizeGreaterThan(500).noneMatch(ADDED_INDEXES::contains);
    expected.addAll(ADDED_INDEXES);
    List<String> made = describe(byLiquibase);
    assertThat(made).as("made by the changelog, not by the engine or the application's additions")
        .isSubsetOf(expected);
    assertThat(expected).as("made by the engine or added by the application, not by the changelog").isSubsetOf(made);
    ProcessEngine checked = engine(byLiquibase, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    assertThat(checked.getManagementService().createSchemaLogQuery().list())
        .extracting(entry -> entry.getVersion()).contains(ProductPropertiesUtil.getProductVersion());
  }

  @Test
  void aDatabaseTheEngineMadeForItselfIsRefusedSayingWhatToDo() throws Exception {
    Database byEngine = freshDatabase("schema_engine_only");
    engine(byEngine, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE).close();
    engines.clear();

    assertThatThrownBy(() -> liquibase(byEngine).afterPropertiesSet())
        .hasStackTraceContaining("made by the engine's own schema-update")
        .hasStackTraceContaining("changelog-sync");
  }

  @Test
  void theChangelogAppliedTwiceChangesNothing() throws Exception {
    Database database = freshDatabase("schema_twice");
    liquibase(database).afterPropertiesSet();
    List<String> once = describe(database);

    liquibase(database).afterPropertiesSet();

    assertThat(describe(database)).isEqualTo(once);
  }

  /** Two nodes started together on a fresh database: the cluster test starts two jars so, this shows the lock alone. */
  @Test
  void oneNodeAtATimeBringsTheSchemaUpToDate() throws Exception {
    assumeTrue(TestDatabase.POSTGRESQL, "nodes share a database on PostgreSQL only");
    Database database = freshDatabase("schema_lock");
    SpringLiquibase first = liquibase(database);
    SpringLiquibase second = liquibase(database);
    SchemaMigrationLock nodeA = new SchemaMigrationLock();
    SchemaMigrationLock nodeB = new SchemaMigrationLock();
    ExecutorService otherNode = Executors.newSingleThreadExecutor();
    try {
      nodeA.postProcessBeforeInitialization(first, "liquibase");
      Future<Object> waiting = otherNode.submit(() -> nodeB.postProcessBeforeInitialization(second, "liquibase"));
      assertThatThrownBy(() -> waiting.get(1, TimeUnit.SECONDS)).as("B waits while A migrates")
          .isInstanceOf(TimeoutException.class);

      first.afterPropertiesSet();
      nodeA.postProcessAfterInitialization(first, "liquibase");
      waiting.get(30, TimeUnit.SECONDS);
      List<String> migrated = describe(database);
      second.afterPropertiesSet();
      nodeB.postProcessAfterInitialization(second, "liquibase");

      assertThat(describe(database)).as("B found nothing left to do").isEqualTo(migrated).hasSizeGreaterThan(500);
      engine(database, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    } finally {
      otherNode.shutdownNow();
      nodeA.destroy();
      nodeB.destroy();
    }
  }

  private record Database(String url, String username, String password) {

    DataSource dataSource() {
      SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
      dataSource.setDriverClass(url.startsWith("jdbc:h2:") ? org.h2.Driver.class : org.postgresql.Driver.class);
      dataSource.setUrl(url);
      dataSource.setUsername(username);
      dataSource.setPassword(password);
      return dataSource;
    }
  }

  private static Database freshDatabase(String purpose) {
    if (TestDatabase.POSTGRESQL) {
      PostgreSql.Database database = PostgreSql.createDatabase(purpose);
      return new Database(database.url(), database.username(), database.password());
    }
    return new Database("jdbc:h2:mem:" + purpose + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  private static SpringLiquibase liquibase(Database database) {
    SpringLiquibase liquibase = new SpringLiquibase();
    liquibase.setDataSource(database.dataSource());
    liquibase.setChangeLog(CHANGELOG);
    liquibase.setResourceLoader(new DefaultResourceLoader());
    return liquibase;
  }

  private ProcessEngine engine(Database database, String schemaUpdate) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("schema-test-" + UUID.randomUUID());
    configuration.setDataSource(database.dataSource());
    configuration.setDatabaseSchemaUpdate(schemaUpdate);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setMetricsEnabled(false);
    ProcessEngine engine = configuration.buildProcessEngine();
    engines.add(engine);
    return engine;
  }

  /** Every table of the engine (ACT_*), its columns with type, size and nullability, and its indexes, sorted. */
  private static List<String> describe(Database database) throws SQLException {
    TreeSet<String> lines = new TreeSet<>();
    try (Connection connection = database.dataSource().getConnection()) {
      DatabaseMetaData metadata = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = metadata.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
        while (rows.next()) {
          if (rows.getString("TABLE_NAME").toUpperCase(Locale.ROOT).startsWith("ACT_")) {
            tables.add(rows.getString("TABLE_NAME"));
          }
        }
      }
      for (String table : tables) {
        try (ResultSet columns = metadata.getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
          while (columns.next()) {
            lines.add(upper(table) + "." + upper(columns.getString("COLUMN_NAME")) + " " + columns.getString("TYPE_NAME")
                + "(" + columns.getInt("COLUMN_SIZE") + ") " + (columns.getInt("NULLABLE") == DatabaseMetaData.columnNullable
                    ? "null" : "not null"));
          }
        }
        try (ResultSet indexes = metadata.getIndexInfo(connection.getCatalog(), connection.getSchema(), table, false, false)) {
          while (indexes.next()) {
            if (indexes.getString("INDEX_NAME") != null) {
              lines.add(upper(table) + " index " + indexName(indexes.getString("INDEX_NAME")) + " on "
                  + upper(indexes.getString("COLUMN_NAME")) + (indexes.getBoolean("NON_UNIQUE") ? "" : " unique"));
            }
          }
        }
      }
    }
    return List.copyOf(lines);
  }

  private static String upper(String name) {
    return name == null ? "" : name.toUpperCase(Locale.ROOT);
  }

  /** An index name without the number H2 makes up for the indexes it creates itself (keys, constraints). */
  private static String indexName(String name) {
    return upper(name).replaceAll("^(PRIMARY_KEY|CONSTRAINT)_\\w+$", "$1").replaceAll("_INDEX_\\w+$", "_INDEX");
  }
}
