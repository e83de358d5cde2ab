package id.go.kapuaskab.lupapassphrase.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file written one commit at a time, as the engine writes it with {@code WRITE_DELAY=0}: rows that stay
 * (history) in tables with several indexes, so nearly every chunk of the file keeps a few live pages. The
 * databases here keep no retention time ({@code RETENTION_TIME=0}), so a chunk may be freed as soon as it is dead;
 * the application keeps H2's 45 s, which only delays when a chunk may go.
 */
class H2FileHousekeepingTest {

  private static final int TABLES = 6;
  private static final int COMMITS = 1_500;

  @TempDir
  Path folder;

  @Test
  void aQuietMomentCompactsTheFile() throws SQLException {
    JdbcDataSource dataSource = database("quiet");
    try (Connection connection = dataSource.getConnection()) {
      createTables(connection);
      MVStore store = H2FileHousekeeping.fileStore(dataSource);
      H2FileHousekeeping housekeeping = new H2FileHousekeeping(store, Duration.ofDays(1));
      writeHistory(connection, 0);
      long chunksBefore = chunks(store);
      long fileBefore = store.getFileStore().size();
      assertThat(chunksBefore).as("chunks the load left, which H2 alone does not free").isGreaterThan(COMMITS / 10);

      checkUntilQuiet(housekeeping, 0);

      assertThat(chunks(store)).as("chunks before: %d", chunksBefore).isLessThan(chunksBefore / 10);
      assertThat(store.getFileStore().size()).as("bytes before: %d", fileBefore).isLessThan(fileBefore / 4);
      assertThat(store.getRetentionTime()).as("H2's retention, as the URL set it").isZero();
      assertThat(rows(connection)).isEqualTo(COMMITS);
    }
    try (Connection reopened = dataSource.getConnection()) {
      assertThat(rows(reopened)).isEqualTo(COMMITS);
    }
  }

  @Test
  void aCommitSinceTheLastCheckMeansNoWork() throws SQLException {
    JdbcDataSource dataSource = database("busy");
    try (Connection connection = dataSource.getConnection()) {
      createTables(connection);
      MVStore store = H2FileHousekeeping.fileStore(dataSource);
      H2FileHousekeeping housekeeping = new H2FileHousekeeping(store, Duration.ofDays(1));
      housekeeping.check(0);
      writeHistory(connection, 0);
      long chunks = chunks(store);

      housekeeping.check(0);
      assertThat(chunks(store)).isEqualTo(chunks);

      checkUntilQuiet(housekeeping, 0);
      assertThat(chunks(store)).isLessThan(chunks / 10);
    }
  }

  @Test
  void afterACompactionTheNextWaitsItsHours() throws SQLException {
    JdbcDataSource dataSource = database("daily");
    try (Connection connection = dataSource.getConnection()) {
      createTables(connection);
      MVStore store = H2FileHousekeeping.fileStore(dataSource);
      H2FileHousekeeping housekeeping = new H2FileHousekeeping(store, Duration.ofDays(1));
      writeHistory(connection, 0);
      checkUntilQuiet(housekeeping, 0);
      writeHistory(connection, COMMITS);
      long chunks = chunks(store);

      long sooner = H2FileHousekeeping.EVERY.toNanos() - 1;
      checkUntilQuiet(housekeeping, sooner);
      assertThat(chunks(store)).isEqualTo(chunks);

      checkUntilQuiet(housekeeping, H2FileHousekeeping.EVERY.toNanos());
      assertThat(chunks(store)).isLessThan(chunks / 10);
      assertThat(rows(connection)).isEqualTo(2L * COMMITS);
    }
  }

  @Test
  void anInMemoryDatabaseHasNoFileToKeep() throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:housekeeping");
    assertThat(H2FileHousekeeping.fileStore(dataSource)).isNull();
  }

  /** The checks of a quiet spell: the first sees the store's version, the next ones find it unchanged. */
  private static void checkUntilQuiet(H2FileHousekeeping housekeeping, long nanoTime) {
    for (int check = 0; check < 10; check++) {
      housekeeping.check(nanoTime);
    }
  }

  private JdbcDataSource database(String name) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + folder.resolve(name) + ";WRITE_DELAY=0;RETENTION_TIME=0");
    dataSource.setUser("sa");
    return dataSource;
  }

  private static void createTables(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (int table = 0; table < TABLES; table++) {
        statement.execute("CREATE TABLE HISTORY_" + table + " (ID BIGINT PRIMARY KEY, REQUEST VARCHAR(64),"
            + " NAME VARCHAR(64), TEXT VARCHAR(400))");
        statement.execute("CREATE INDEX HISTORY_" + table + "_REQUEST ON HISTORY_" + table + " (REQUEST)");
        statement.execute("CREATE INDEX HISTORY_" + table + "_NAME ON HISTORY_" + table + " (NAME, REQUEST)");
      }
    }
  }

  /** One row a commit, the tables in turn, rows of a different length in each so their pages fill at different times. */
  private static void writeHistory(Connection connection, int firstId) throws SQLException {
    for (int id = firstId; id < firstId + COMMITS; id++) {
      int table = id % TABLES;
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO HISTORY_" + table + " VALUES (?, ?, ?, ?)")) {
        insert.setLong(1, id);
        insert.setString(2, "request-" + (id / 20));
        insert.setString(3, "name-" + (id * 7919 % 101));
        insert.setString(4, "x".repeat(40 + 60 * table));
        insert.executeUpdate();
      }
    }
  }

  private static long chunks(MVStore store) {
    return store.getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk.")).count();
  }

  private static long rows(Connection connection) throws SQLException {
    long rows = 0;
    try (Statement statement = connection.createStatement()) {
      for (int table = 0; table < TABLES; table++) {
        try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM HISTORY_" + table)) {
          count.next();
          rows += count.getLong(1);
        }
      }
    }
    return rows;
  }
}
