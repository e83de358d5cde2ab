package id.go.kapuaskab.lupapassphrase.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health component "jobExecutor" (in place of the starter's, which says only whether it was
 * started): UP while this node's job executor looks for jobs, DOWN when it stopped or has not looked
 * for {@link OperationsSettings#jobAcquisitionStuckAfter} (its acquisition thread died or hangs), and
 * UP, saying so, when job execution is switched off on this node. Its age is also the gauge
 * {@code lupa_job_acquisition_age_seconds}, so a node that stopped acquiring can be alerted on.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealth implements HealthIndicator, MeterBinder {

  private final ProcessEngine engine;
  private final boolean enabled;
  private final Duration stuckAfter;

  JobExecutorHealth(ProcessEngine engine, OperationsSettings settings,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
    this.engine = engine;
    this.enabled = enabled;
    this.stuckAfter = settings.jobAcquisitionStuckAfter();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("lupa.job.acquisition.age", this::ageSeconds)
        .description("Seconds since this node's job executor last looked for jobs; NaN where it does not run")
        .baseUnit("seconds").register(registry);
  }

  @Override
  public Health health() {
    JobExecutor executor = jobExecutor();
    if (!enabled) {
      return Health.up().withDetail("active", false)
          .withDetail("reason", "switched off on this node (camunda.bpm.job-execution.enabled=false)").build();
    }
    if (!executor.isActive()) {
      return Health.down().withDetail("active", false).build();
    }
    Health.Builder health = Health.up();
    double age = ageSeconds();
    if (age > stuckAfter.toSeconds()) {
      health = Health.down().withDetail("reason", "has not looked for jobs for more than " + stuckAfter.toSeconds() + " s");
    }
    health.withDetail("active", true).withDetail("lockOwner", executor.getLockOwner())
        .withDetail("lastAcquisition", Instant.now().minusMillis((long) (age * 1000)).toString());
    JobAcquisitionContext acquisition = acquisition(executor);
    Exception problem = acquisition == null ? null : acquisition.getAcquisitionException();
    if (problem != null) {
      health.withDetail("lastAcquisitionError", problem.getClass().getSimpleName() + ": " + problem.getMessage());
    }
    return health.build();
  }

  /** Seconds since the acquisition last began a round, or NaN when the job executor does not run here. */
  private double ageSeconds() {
    JobAcquisitionContext acquisition = acquisition(jobExecutor());
    if (acquisition == null) {
      return Double.NaN;
    }
    long began = acquisition.getAcquisitionTime();
    // zero for the moment between one round's reset and its start
    return began == 0 ? 0 : Math.max(0, System.currentTimeMillis() - began) / 1000.0;
  }

  private JobExecutor jobExecutor() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
  }

  /** The acquisition's state, or null while the job executor does not run (its runnable exists only then). */
  private static JobAcquisitionContext acquisition(JobExecutor executor) {
    return executor.isActive() && executor.getAcquireJobsRunnable() instanceof SequentialJobAcquisitionRunnable running
        ? running.getAcquisitionContext() : null;
  }
}
