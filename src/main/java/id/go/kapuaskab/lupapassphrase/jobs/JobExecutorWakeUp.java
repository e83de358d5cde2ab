package id.go.kapuaskab.lupapassphrase.jobs;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Wakes the job executor at the due date of every timer this engine knows of, so an SLA timer fires
 * within milliseconds of its due time while an idle engine polls the job table only at its regular
 * interval. It knows the timers this engine schedules (when their transaction commits) and the
 * timers already in the database at its start, read a hundred at a time: the next hundred when the
 * last one read falls due. A timer another engine node schedules is found by this node's regular
 * poll, as without this plugin. A wake-up only starts an
 * acquisition, which runs the engine's own query: a timer deleted or cancelled meanwhile is simply
 * not found, and when several nodes wake for the same timer, the engine's locking lets one run it.
 */
@Component
@Order(50)
@ConditionalOnProperty(prefix = "lupa-passphrase.jobs", name = "wake-at-due-date", havingValue = "true", matchIfMissing = true)
public class JobExecutorWakeUp extends AbstractProcessEnginePlugin implements AutoCloseable {

  /** Distinct due times kept in memory; later ones are left to the poll. */
  static final int CAPACITY = 10_000;
  /** Upcoming timers read from the database at once. */
  static final int READ_AT_ONCE = 100;

  private static final Logger LOG = LoggerFactory.getLogger(JobExecutorWakeUp.class);

  private final DueDateAlarm alarm = new DueDateAlarm(CAPACITY, this::wake);
  private volatile JobExecutor jobExecutor;
  private volatile ManagementService management;
  /** The due time of the last timer read from the database, when there may be more after it. */
  private volatile long readUpTo = Long.MAX_VALUE;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(new WakingJobManager.Factory(duedate -> alarm.add(duedate.getTime())));
    configuration.setCustomSessionFactories(factories);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    jobExecutor = configuration.getJobExecutor();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    management = engine.getManagementService();
    int known = readUpcoming();
    LOG.info("The job executor wakes at timers' due dates; {}{} upcoming timers read at start", known,
        known == READ_AT_ONCE ? " (the earliest)" : "");
  }

  private int readUpcoming() {
    List<Job> upcoming = management.createJobQuery().timers().active().withRetriesLeft()
        .duedateHigherThan(ClockUtil.getCurrentTime()).orderByJobDuedate().asc().listPage(0, READ_AT_ONCE);
    upcoming.forEach(timer -> alarm.add(timer.getDuedate().getTime()));
    readUpTo = upcoming.size() < READ_AT_ONCE ? Long.MAX_VALUE : upcoming.get(upcoming.size() - 1).getDuedate().getTime();
    return upcoming.size();
  }

  private void wake() {
    JobExecutor executor = jobExecutor;
    if (executor != null && executor.isActive()) {
      executor.getAcquireJobsRunnable().jobWasAdded();
    }
    if (System.currentTimeMillis() >= readUpTo) {
      try {
        readUpcoming();
      } catch (RuntimeException e) {
        // the regular poll still finds the timers, only later; the next wake-up reads again
        LOG.warn("Could not read the next upcoming timers: {}", e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    alarm.close();
  }
}
