package id.go.kapuaskab.lupapassphrase.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the job executor at the moment a job becomes due, so an SLA timer fires within milliseconds
 * of its due time on any node, while an idle node reads the job table once every
 * {@link #WATCH_INTERVAL}. It learns of those moments two ways: the timers this engine schedules,
 * once their transaction commits; and the {@link JobTableWatch}, which finds what other nodes
 * scheduled (a timer, a retry), the locks of a node that died as they expire, and jobs a dead node
 * left waiting. A wake-up only starts an acquisition, which runs the engine's own query: a timer
 * deleted or cancelled meanwhile is simply not found, and when several nodes wake for the same job,
 * the engine's locking lets one run it. The job executor's own poll stays, once a minute, as a net.
 */
public class JobExecutorWakeUp extends AbstractProcessEnginePlugin implements AutoCloseable {

  /** Distinct due times kept in memory; later ones are found again by the watch. */
  static final int CAPACITY = 10_000;
  /** How often the job table is read; a job made less than this before its due time may be up to this late elsewhere. */
  static final Duration WATCH_INTERVAL = Duration.ofSeconds(6);
  /** How far ahead each read looks: twice the interval, so a moment is read at least once, with room to spare. */
  static final Duration LOOKAHEAD = WATCH_INTERVAL.multipliedBy(2);

  private static final Logger LOG = LoggerFactory.getLogger(JobExecutorWakeUp.class);

  private final DueDateAlarm alarm = new DueDateAlarm(CAPACITY, this::wake);
  private volatile JobExecutor jobExecutor;
  private JobTableWatch watch;

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
    watch = new JobTableWatch(configuration.getDataSource(), configuration.getDatabaseTablePrefix(), LOOKAHEAD);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    watch.start(WATCH_INTERVAL, () -> jobExecutor.isActive(), alarm::add);
    LOG.info("The job executor wakes at jobs' due dates; the job table is read every {} s for the next {} s",
        WATCH_INTERVAL.toSeconds(), LOOKAHEAD.toSeconds());
  }

  private void wake() {
    JobExecutor executor = jobExecutor;
    if (executor != null && executor.isActive()) {
      executor.getAcquireJobsRunnable().jobWasAdded();
    }
  }

  @Override
  public void close() {
    if (watch != null) {
      watch.close();
    }
    alarm.close();
  }
}
