package id.go.kapuaskab.lupapassphrase.notify;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notices not yet sent, in the application's database (table {@value #TABLE}, db/changelog.xml),
 * so a notice outlives a mail server that is down and a restart of the node. A notice is written in
 * the transaction of the step that causes it (the engine's, when there is one), so it exists exactly
 * when the step committed. Each attempt is claimed by counting it up from the count read: of several
 * nodes reading the same notice, one sends it. What follows an attempt is written in a transaction of
 * its own: the attempt runs after the step's transaction committed, whose connection is still bound to
 * the thread then. That transaction takes a connection of a small pool of its own: from the application's
 * pool, every thread in that moment would hold one connection and wait for a second, and with as many
 * such threads as the pool has connections, none got one (the engine benchmark's eight clients and the job
 * executor stopped for the pool's 30 s timeout).
 */
@Component
class NoticeOutbox implements DisposableBean {

  static final String TABLE = "LP_NOTICE_OUTBOX";

  /** Recipients are stored in one column, apart by this (no e-mail address holds it). */
  private static final String SEPARATOR = " ";

  /** A notice waiting to be sent; attempts counts the tries begun, the one under way included. */
  record Notice(String id, List<String> to, String subject, String body, int attempts) {
  }

  private static final RowMapper<Notice> ROW = (row, number) -> new Notice(row.getString("ID_"),
      Arrays.asList(row.getString("RECIPIENTS_").split(SEPARATOR)), row.getString("SUBJECT_"),
      row.getString("BODY_"), row.getInt("ATTEMPTS_"));

  /** Connections of the outbox's own pool: what follows an attempt is one short statement. */
  private static final int OWN_CONNECTIONS = 2;

  private final JdbcTemplate jdbc;
  private final HikariDataSource ownPool;
  private final JdbcTemplate ownJdbc;
  private final TransactionTemplate own;

  NoticeOutbox(DataSource dataSource, DataSourceProperties database) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.ownPool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    ownPool.setPoolName("notice-outbox");
    ownPool.setMaximumPoolSize(OWN_CONNECTIONS);
    ownPool.setMinimumIdle(0);
    this.ownJdbc = new JdbcTemplate(ownPool);
    this.own = new TransactionTemplate(new DataSourceTransactionManager(ownPool));
  }

  @Override
  public void destroy() {
    ownPool.close();
  }

  /**
   * Writes a notice whose first attempt is under way; should the node stop before it ends, the notice
   * is due again at {@code claimedUntil}.
   */
  Notice add(List<String> to, String subject, String body, Instant claimedUntil) {
    Notice notice = new Notice(UUID.randomUUID().toString(), List.copyOf(to), subject, body, 1);
    jdbc.update("INSERT INTO " + TABLE + " (ID_, RECIPIENTS_, SUBJECT_, BODY_, ATTEMPTS_, NEXT_ATTEMPT_)"
        + " VALUES (?, ?, ?, ?, ?, ?)", notice.id(), String.join(SEPARATOR, to), subject, body, notice.attempts(),
        Timestamp.from(claimedUntil));
    return notice;
  }

  /** The notices due at {@code now}, the longest waiting first, at most {@code max}. */
  List<Notice> due(Instant now, int max) {
    return jdbc.query(connection -> {
      var statement = connection.prepareStatement("SELECT * FROM " + TABLE + " WHERE NEXT_ATTEMPT_ <= ?"
          + " ORDER BY NEXT_ATTEMPT_");
      statement.setTimestamp(1, Timestamp.from(now));
      statement.setMaxRows(max);
      return statement;
    }, ROW);
  }

  /** Begins the next attempt, unless another node began it first; the notice as it now stands, or null. */
  Notice claim(Notice notice, Instant claimedUntil) {
    Integer claimed = own.execute(status -> ownJdbc.update("UPDATE " + TABLE + " SET ATTEMPTS_ = ?, NEXT_ATTEMPT_ = ? WHERE ID_ = ? AND ATTEMPTS_ = ?",
        notice.attempts() + 1, Timestamp.from(claimedUntil), notice.id(), notice.attempts()));
    return claimed != null && claimed == 1
        ? new Notice(notice.id(), notice.to(), notice.subject(), notice.body(), notice.attempts() + 1) : null;
  }

  /** The attempt failed: the notice is due again then. */
  void retryAt(Notice notice, Instant next) {
    own.executeWithoutResult(status -> ownJdbc.update("UPDATE " + TABLE + " SET NEXT_ATTEMPT_ = ? WHERE ID_ = ?",
        Timestamp.from(next), notice.id()));
  }

  /** Sent, or given up: the notice and the personal data in it are gone. */
  void remove(Notice notice) {
    own.executeWithoutResult(status -> ownJdbc.update("DELETE FROM " + TABLE + " WHERE ID_ = ?", notice.id()));
  }

  /** How many notices wait to be sent. */
  int waiting() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE, Integer.class);
  }
}
