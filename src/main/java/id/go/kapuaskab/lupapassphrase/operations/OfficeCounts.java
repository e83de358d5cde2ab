package id.go.kapuaskab.lupapassphrase.operations;


import id.go.kapuaskab.lupapassphrase.process.SopStep;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The office's figures that only the database knows, as gauges: open requests by SOP step, jobs due
 * and overdue by type, open incidents by type, accounts the engine makes wait after wrong passwords.
 * Four queries read them together when a gauge is read (a scrape) and the last read is older than
 * {@link OperationsSettings#databaseReadInterval}, so a node reads at most once per scrape interval and
 * nothing while nobody scrapes. They read the runtime tables only, whose size is the open requests,
 * never the history, which only grows. Every node reports the same figures for the whole office: across
 * nodes, take the max, not the sum.
 */
@Component
class OfficeCounts implements MeterBinder {

  /** Jobs by what they are, in words an operator reads: timers, asynchronous steps (AMS calls, notices), the rest. */
  enum JobType {
    TIMER, ASYNC, OTHER;

    static JobType of(String handlerType) {
      if (handlerType != null && handlerType.startsWith("timer-")) {
        return TIMER;
      }
      return "async-continuation".equals(handlerType) ? ASYNC : OTHER;
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Incidents by type: a job that ran out of retries (an AMS fault, mostly), or another kind. */
  enum IncidentType {
    FAILED_JOB("failedJob"), OTHER("other");

    private final String label;

    IncidentType(String label) {
      this.label = label;
    }

    static IncidentType of(String type) {
      return FAILED_JOB.label.equals(type) ? FAILED_JOB : OTHER;
    }
  }

  /** One read of the figures. */
  record Figures(Map<SopStep, Long> openBySteps, Map<JobType, Long> due, Map<JobType, Long> overdue,
      Map<IncidentType, Long> incidents, long lockedAccounts) {

    static final Figures NONE = new Figures(Map.of(), Map.of(), Map.of(), Map.of(), 0);
  }

  private static final Logger LOG = LoggerFactory.getLogger(OfficeCounts.class);

  private final JdbcTemplate jdbc;
  private final Duration readInterval;
  private final Duration overdueAfter;
  private final String tasksByKey;
  private final String jobs;
  private final String incidents;
  private final String lockedAccounts;
  private Figures figures = Figures.NONE;
  private long readAt;
  private boolean read;

  OfficeCounts(DataSource dataSource, OperationsSettings settings,
      @Value("${camunda.bpm.database.table-prefix:}") String tablePrefix) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.readInterval = settings.databaseReadInterval();
    this.overdueAfter = settings.jobsOverdueAfter();
    this.tasksByKey = "SELECT TASK_DEF_KEY_, COUNT(*) FROM " + tablePrefix + "ACT_RU_TASK GROUP BY TASK_DEF_KEY_";
    // every job once, with the activity of its definition (a primary-key lookup); a job waits to run when it has
    // retries left, is not suspended, not locked by a node running it, and is due (an asynchronous step at once)
    String waiting = "j.RETRIES_ > 0 AND j.SUSPENSION_STATE_ = 1 AND (j.LOCK_EXP_TIME_ IS NULL OR j.LOCK_EXP_TIME_ < ?)";
    this.jobs = "SELECT j.HANDLER_TYPE_, d.ACT_ID_, COUNT(*),"
        + " SUM(CASE WHEN " + waiting + " AND (j.DUEDATE_ IS NULL OR j.DUEDATE_ <= ?) THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN " + waiting + " AND COALESCE(j.DUEDATE_, j.CREATE_TIME_) <= ? THEN 1 ELSE 0 END)"
        + " FROM " + tablePrefix + "ACT_RU_JOB j LEFT JOIN " + tablePrefix + "ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_"
        + " GROUP BY j.HANDLER_TYPE_, d.ACT_ID_";
    this.incidents = "SELECT INCIDENT_TYPE_, COUNT(*) FROM " + tablePrefix + "ACT_RU_INCIDENT GROUP BY INCIDENT_TYPE_";
    this.lockedAccounts = "SELECT COUNT(*) FROM " + tablePrefix + "ACT_ID_USER WHERE LOCK_EXP_TIME_ > ?";
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (SopStep step : DiagramSteps.STEPS) {
      Gauge.builder("lupa.requests.open", () -> current().openBySteps().getOrDefault(step, 0L))
          .description("Open requests waiting at this SOP step: at its user task or its call to AMS")
          .tag("step", Integer.toString(step.number())).register(registry);
    }
    for (JobType type : JobType.values()) {
      Gauge.builder("lupa.jobs.due", () -> current().due().getOrDefault(type, 0L))
          .description("Jobs that could run now and wait for a node to take them")
          .tag("type", type.label()).register(registry);
      Gauge.builder("lupa.jobs.overdue", () -> current().overdue().getOrDefault(type, 0L))
          .description("Jobs still waiting to run a while after they fell due (lupa-passphrase.operations.jobs-overdue-after)")
          .tag("type", type.label()).register(registry);
    }
    for (IncidentType type : IncidentType.values()) {
      Gauge.builder("lupa.incidents.open", () -> current().incidents().getOrDefault(type, 0L))
          .description("Open incidents: jobs that ran out of retries, waiting for an administrator")
          .tag("type", type.label).register(registry);
    }
    Gauge.builder("lupa.accounts.locked", () -> current().lockedAccounts())
        .description("Accounts the engine makes wait after wrong passwords, now").register(registry);
  }

  /**
   * The figures of the last read, read again first when that ended more than the interval ago: the gauges of
   * one scrape, read one after the other, share one read.
   */
  synchronized Figures current() {
    if (!read || System.nanoTime() - readAt >= readInterval.toNanos()) {
      try {
        figures = read();
      } catch (DataAccessException e) {
        // the gauges keep the last figures; the next interval tries again
        LOG.warn("Could not read the office's counts for the metrics: {}", e.getMessage());
      }
      read = true;
      readAt = System.nanoTime();
    }
    return figures;
  }

  private Figures read() {
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    Timestamp overdueSince = new Timestamp(now.getTime() - overdueAfter.toMillis());
    Map<SopStep, Long> open = new HashMap<>();
    jdbc.query(tasksByKey, row -> {
      count(open, DiagramSteps.STEP_OF_ACTIVITY.get(row.getString(1)), row.getLong(2));
    });
    Map<JobType, Long> due = new HashMap<>();
    Map<JobType, Long> overdue = new HashMap<>();
    jdbc.query(jobs, row -> {
      JobType type = JobType.of(row.getString(1));
      // a request whose call to AMS waits as a job waits at that call's step, whether the job is due or failed
      if (type == JobType.ASYNC) {
        count(open, DiagramSteps.STEP_OF_ACTIVITY.get(row.getString(2)), row.getLong(3));
      }
      count(due, type, row.getLong(4));
      count(overdue, type, row.getLong(5));
    }, now, now, now, overdueSince);
    Map<IncidentType, Long> incidentsByType = new HashMap<>();
    jdbc.query(incidents, row -> {
      count(incidentsByType, IncidentType.of(row.getString(1)), row.getLong(2));
    });
    Long locked = jdbc.queryForObject(lockedAccounts, Long.class, now);
    return new Figures(open, due, overdue, incidentsByType, locked == null ? 0 : locked);
  }

  private static <K> void count(Map<K, Long> counts, K key, long count) {
    if (key != null) {
      counts.merge(key, count, Long::sum);
    }
  }
}
