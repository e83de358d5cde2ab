package id.go.kapuaskab.lupapassphrase.jobs;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the job table at a fixed interval for the moments, from now to a lookahead ahead, at which a
 * job becomes one the acquisition may take: a timer or a retry falls due (whichever node scheduled
 * it), a lock expires (the lock of a node that died), or a job is already waiting (an asynchronous
 * continuation a dead node left behind). One small query for every node, the same on H2 and
 * PostgreSQL; with a lookahead of at least the interval, a job that falls due at least one interval
 * after it was made is known before its moment, so its wake-up comes on time.
 */
final class JobTableWatch implements AutoCloseable {

  /** Moments read at once, earliest first; a job waiting now sorts before any due date. */
  static final int READ_AT_ONCE = 100;

  private static final Logger LOG = LoggerFactory.getLogger(JobTableWatch.class);

  private final JdbcTemplate jdbc;
  private final String query;
  private final Duration lookahead;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread daemon = new Thread(runnable, "job-table-watch");
    daemon.setDaemon(true);
    return daemon;
  });

  JobTableWatch(DataSource dataSource, String tablePrefix, Duration lookahead) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.lookahead = lookahead;
    this.query = "SELECT DUEDATE_, LOCK_EXP_TIME_ FROM " + tablePrefix + "ACT_RU_JOB"
        + " WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1"
        + " AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?) AND (LOCK_EXP_TIME_ IS NULL OR LOCK_EXP_TIME_ <= ?)"
        + " ORDER BY CASE WHEN DUEDATE_ IS NULL THEN 0 ELSE 1 END, DUEDATE_";
  }

  /**
   * Reads now and then at every interval while {@code wanted} says so (the job executor runs), handing
   * each moment found (epoch milliseconds) to the consumer.
   */
  void start(Duration interval, BooleanSupplier wanted, Consumer<Long> moments) {
    thread.scheduleWithFixedDelay(() -> {
      try {
        if (wanted.getAsBoolean()) {
          read().forEach(moments);
        }
      } catch (RuntimeException e) {
        // the job executor's own poll still finds the jobs, only later; the next read tries again
        LOG.warn("Could not read the job table for upcoming jobs: {}", e.getMessage());
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The moments within the lookahead at which jobs become acquirable, by the engine's clock; a job
   * acquirable already counts as now. When more than {@link #READ_AT_ONCE} are found, now is among them:
   * the acquisition takes what is due and the next read sees the rest.
   */
  List<Long> read() {
    long now = ClockUtil.getCurrentTime().getTime();
    Timestamp until = new Timestamp(now + lookahead.toMillis());
    List<Long> moments = new ArrayList<>();
    jdbc.query(connection -> {
      PreparedStatement statement = connection.prepareStatement(query);
      statement.setTimestamp(1, until);
      statement.setTimestamp(2, until);
      statement.setMaxRows(READ_AT_ONCE);
      return statement;
    }, row -> {
      moments.add(Math.max(now, Math.max(millis(row.getTimestamp(1)), millis(row.getTimestamp(2)))));
    });
    if (moments.size() == READ_AT_ONCE) {
      moments.add(now);
    }
    return moments;
  }

  private static long millis(Date moment) {
    return moment == null ? 0 : moment.getTime();
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
