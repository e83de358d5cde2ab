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
  void aQuietMomentCompactsTheFile() throws Exception {
    HistoryFile file = new HistoryFile(folder.resolve("quiet"));
    try (file) {
      file.write(0);
      long chunksBefore = file.chunks();
      long bytesBefore = file.store.getFileStore().size();
      assertThat(chunksBefore).as("chunks the load left, which H2 alone does not free").isGreaterThan(COMMITS / 10);

      file.checkUntilQuiet(0);

      assertThat(file.chunks()).as("chunks before: %d", chunksBefore).isLessThan(chunksBefore / 10);
      assertThat(file.store.getFileStore().size()).as("bytes before: %d", bytesBefore).isLessThan(bytesBefore / 4);
      assertThat(rows(file.connection)).isEqualTo(COMMITS);
    }
    try (Connection reopened = file.source.getConnection()) {
      assertThat(rows(reopened)).isEqualTo(COMMITS);
    }
  }

  @Test
  void aCommitSinceTheLastCheckMeansNoWork() throws Exception {
    try (HistoryFile file = new HistoryFile(folder.resolve("busy"))) {
      file.housekeeping.check(0);
      file.write(0);
      long chunks = file.chunks();

      file.housekeeping.check(0);
      assertThat(file.chunks()).isEqualTo(chunks);

      file.checkUntilQuiet(0);
      assertThat(file.chunks()).isLessThan(chunks / 10);
    }
  }

  @Test
  void afterACompactionTheNextWaitsItsHours() throws Exception {
    try (HistoryFile file = new HistoryFile(folder.resolve("daily"))) {
      file.write(0);
      file.checkUntilQuiet(0);
      file.write(COMMITS);
      long chunks = file.chunks();

      file.checkUntilQuiet(H2FileHousekeeping.EVERY.toNanos() - 1);
      assertThat(file.chunks()).isEqualTo(chunks);

      file.checkUntilQuiet(H2FileHousekeeping.EVERY.toNanos());
      assertThat(file.chunks()).isLessThan(chunks / 10);
      assertThat(rows(file.connection)).isEqualTo(2L * COMMITS);
    }
  }

  @Test
  void anInMemoryDatabaseHasNoFileToKeep() throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:housekeeping");
    assertThat(H2FileHousekeeping.fileStore(dataSource)).isNull();
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

  /** A file database with history-like tables, its store, and a housekeeping whose own checks never come. */
  private static final class HistoryFile implements AutoCloseable {

    final JdbcDataSource source = new JdbcDataSource();
    final Connection connection;
    final MVStore store;
    final H2FileHousekeeping housekeeping;

    HistoryFile(Path path) throws SQLException {
      source.setURL("jdbc:h2:file:" + path + ";WRITE_DELAY=0;RETENTION_TIME=0");
      source.setUser("sa");
      connection = source.getConnection();
      try (Statement statement = connection.createStatement()) {
        for (int table = 0; table < TABLES; table++) {
          statement.execute("CREATE TABLE HISTORY_" + table + " (ID BIGINT PRIMARY KEY, REQUEST VARCHAR(64),"
              + " NAME VARCHAR(64), TEXT VARCHAR(400))");
          statement.execute("CREATE INDEX HISTORY_" + table + "_REQUEST ON HISTORY_" + table + " (REQUEST)");
          statement.execute("CREATE INDEX HISTORY_" + table + "_NAME ON HISTORY_" + table + " (NAME, REQUEST)");
        }
      }
      store = H2FileHousekeeping.fileStore(source);
      housekeeping = new H2FileHousekeeping(store, Duration.ofDays(1));
    }

    /** One row a commit, the tables in turn, rows of a different length in each so pages fill at different times. */
    void write(int firstId) throws SQLException {
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

    /** The checks of a quiet spell: the first sees the store's version, the next ones find it unchanged. */
    void checkUntilQuiet(long nanoTime) {
      for (int check = 0; check < 10; check++) {
        housekeeping.check(nanoTime);
      }
    }

    long chunks() {
      return store.getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk.")).count();
    }

    @Override
    public void close() throws Exception {
      housekeeping.destroy();
      connection.close();
    }
  }
}
