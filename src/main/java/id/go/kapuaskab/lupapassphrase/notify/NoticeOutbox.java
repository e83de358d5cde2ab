package id.go.kapuaskab.lupapassphrase.notify;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * executor stopped for the pool's 30 s timeout). A sent notice leaves the table with the others sent in
 * the same {@link #SENT_LEAVE_EVERY}, in one transaction, not one each (a commit is what a write costs most);
 * until then it is not tried again, and should the node die first it is sent once more after its claim.
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
  /** How often the notices sent meanwhile leave the table, together. */
  static final Duration SENT_LEAVE_EVERY = Duration.ofSeconds(1);
  /** Notices named in one statement as they leave. */
  private static final int LEAVE_AT_ONCE = 100;

  private static final Logger LOG = LoggerFactory.getLogger(NoticeOutbox.class);

  private final JdbcTemplate jdbc;
  private final HikariDataSource ownPool;
  private final JdbcTemplate ownJdbc;
  private final TransactionTemplate own;
  /** Sent, still in the table until the next leave. */
  private final Set<String> sent = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService leaving = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread daemon = new Thread(runnable, "notice-outbox-sent");
    daemon.setDaemon(true);
    return daemon;
  });

  NoticeOutbox(DataSource dataSource, DataSourceProperties database) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.ownPool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    ownPool.setPoolName("notice-outbox");
    ownPool.setMaximumPoolSize(OWN_CONNECTIONS);
    ownPool.setMinimumIdle(0);
    this.ownJdbc = new JdbcTemplate(ownPool);
    this.own = new TransactionTemplate(new DataSourceTransactionManager(ownPool));
    long every = SENT_LEAVE_EVERY.toMillis();
    leaving.scheduleWithFixedDelay(this::sentLeave, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void destroy() throws InterruptedException {
    leaving.shutdown();
    leaving.awaitTermination(10, TimeUnit.SECONDS);
    sentLeave();
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

  /** The notices due at {@code now}, the longest waiting first, at most {@code max}; none already sent. */
  List<Notice> due(Instant now, int max) {
    List<Notice> due = jdbc.query(connection -> {
      var statement = connection.prepareStatement("SELECT * FROM " + TABLE + " WHERE NEXT_ATTEMPT_ <= ?"
          + " ORDER BY NEXT_ATTEMPT_");
      statement.setTimestamp(1, Timestamp.from(now));
      statement.setMaxRows(max);
      return statement;
    }, ROW);
    return due.stream().filter(notice -> !sent.contains(notice.id())).toList();
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

  /** Sent: the notice and the personal data in it leave with the next {@link #SENT_LEAVE_EVERY}. */
  void sent(Notice notice) {
    sent.add(notice.id());
  }

  /** Given up: the notice and the personal data in it are gone now. */
  void remove(Notice notice) {
    own.executeWithoutResult(status -> ownJdbc.update("DELETE FROM " + TABLE + " WHERE ID_ = ?", notice.id()));
  }

  /** The notices sent since the last time leave the table, in one transaction. */
  private void sentLeave() {
    List<String> leave = List.copyOf(sent);
    if (leave.isEmpty()) {
      return;
    }
    try {
      own.executeWithoutResult(status -> {
        for (int from = 0; from < leave.size(); from += LEAVE_AT_ONCE) {
          List<String> ids = leave.subList(from, Math.min(leave.size(), from + LEAVE_AT_ONCE));
          ownJdbc.update("DELETE FROM " + TABLE + " WHERE ID_ IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
              + ")", ids.toArray());
        }
      });
      sent.removeAll(leave);
    } catch (RuntimeException e) {
      // they stay marked as sent, and leave at the next try
      LOG.warn("Sent notices could not leave the outbox yet: {}", e.getMessage());
    }
  }

  /** How many notices wait to be sent (not those sent that have yet to leave). */
  int waiting() {
    Set<String> sentBefore = Set.copyOf(sent);
    return (int) jdbc.queryForList("SELECT ID_ FROM " + TABLE, String.class).stream().filter(id -> !sentBefore.contains(id)).count();
  }
}
