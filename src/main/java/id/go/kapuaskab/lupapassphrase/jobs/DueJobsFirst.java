package id.go.kapuaskab.lupapassphrase.jobs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The starter's job executor with one change: of the jobs waiting for a thread, those due at a set
 * moment (an SLA timer, a retry) run first, the earliest first; the rest (a step's AMS call) in the
 * order they were acquired. Under load the queue holds AMS calls, each of which keeps its thread
 * while AMS answers; a due timer queued behind them spent about half of its lateness there
 * (docs/operations.md, "Job executor"). The acquisition notes each job's due date as it locks it,
 * and each batch it hands to the threads carries the earliest of its jobs.
 */
public class DueJobsFirst extends SpringJobExecutor {

  /** Acquired jobs not yet run; a job whose acquisition failed stays until the bound pushes it out. */
  private static final int REMEMBERED_DUE_DATES = 10_000;

  private final Cache<String, Long> dueDates = Caffeine.newBuilder().maximumSize(REMEMBERED_DUE_DATES).build();
  private final AtomicLong batches = new AtomicLong();

  /** The job executor with the starter's settings, on the given threads (made by {@link #threads}). */
  public static DueJobsFirst configured(JobExecutionProperty settings, ThreadPoolTaskExecutor threads) {
    DueJobsFirst executor = new DueJobsFirst(threads);
    executor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
    whenSet(settings.getLockTimeInMillis(), executor::setLockTimeInMillis);
    whenSet(settings.getMaxJobsPerAcquisition(), executor::setMaxJobsPerAcquisition);
    whenSet(settings.getWaitTimeInMillis(), executor::setWaitTimeInMillis);
    whenSet(settings.getMaxWait(), executor::setMaxWait);
    whenSet(settings.getBackoffTimeInMillis(), executor::setBackoffTimeInMillis);
    whenSet(settings.getMaxBackoff(), executor::setMaxBackoff);
    whenSet(settings.getBackoffDecreaseThreshold(), executor::setBackoffDecreaseThreshold);
    whenSet(settings.getWaitIncreaseFactor(), executor::setWaitIncreaseFactor);
    return executor;
  }

  /** Runs its jobs on the given threads, which should queue with {@link DueFirstQueue} (else in arrival order). */
  public DueJobsFirst(ThreadPoolTaskExecutor threads) {
    setTaskExecutor(threads);
    setAcquireJobsCmdFactory(numJobs -> new AcquireJobsCmd(this, numJobs) {
      @Override
      protected void lockJob(AcquirableJobEntity job) {
        super.lockJob(job);
        if (job.getDuedate() != null) {
          dueDates.put(job.getId(), job.getDuedate().getTime());
        }
      }
    });
  }

  @Override
  public Runnable getExecuteJobsRunnable(List<String> jobIds, ProcessEngineImpl processEngine) {
    long earliest = jobIds.stream().map(dueDates::getIfPresent).filter(Objects::nonNull)
        .mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
    return new Batch(jobIds, processEngine, earliest, batches.incrementAndGet());
  }

  /** Threads as the starter makes them, with a queue of the same capacity that puts due jobs first. */
  public static ThreadPoolTaskExecutor threads(JobExecutionProperty settings) {
    ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor() {
      @Override
      protected BlockingQueue<Runnable> createQueue(int capacity) {
        // no queue at all hands each batch to an idle thread or turns it away, as the starter's does
        return capacity > 0 ? new DueFirstQueue(capacity) : super.createQueue(capacity);
      }
    };
    threads.setCorePoolSize(settings.getCorePoolSize());
    threads.setMaxPoolSize(settings.getMaxPoolSize());
    threads.setQueueCapacity(settings.getQueueCapacity());
    whenSet(settings.getKeepAliveSeconds(), threads::setKeepAliveSeconds);
    return threads;
  }

  private static <T> void whenSet(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  /** A batch of jobs, ordered by the earliest due date among them, then by when it was acquired. */
  final class Batch extends ExecuteJobsRunnable implements Comparable<Batch> {

    private final long dueAt;
    private final long sequence;

    Batch(List<String> jobIds, ProcessEngineImpl processEngine, long dueAt, long sequence) {
      super(jobIds, processEngine);
      this.dueAt = dueAt;
      this.sequence = sequence;
    }

    @Override
    public void run() {
      dueDates.invalidateAll(jobIds);
      super.run();
    }

    @Override
    public int compareTo(Batch other) {
      int byDueDate = Long.compare(dueAt, other.dueAt);
      return byDueDate != 0 ? byDueDate : Long.compare(sequence, other.sequence);
    }
  }
}
