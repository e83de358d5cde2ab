package id.go.kapuaskab.lupapassphrase.jobs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.impl.jobexecutor.RejectedJobsHandler;
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
 * and each batch it hands to the threads carries the earliest of its jobs. And one safeguard: while a batch the
 * threads turned away waits in the acquisition's memory, each batch that ends wakes the acquisition once more a moment
 * later (below, {@link Batch#run}).
 */
public class DueJobsFirst extends SpringJobExecutor {

  /** Acquired jobs not yet run; a job whose acquisition failed stays until the bound pushes it out. */
  private static final int REMEMBERED_DUE_DATES = 10_000;

  /** How long after a batch ends the acquisition is woken again while turned-away batches wait. */
  private static final Duration REMINDER = Duration.ofMillis(200);

  private static final Executor REMINDERS =
      CompletableFuture.delayedExecutor(REMINDER.toMillis(), TimeUnit.MILLISECONDS);

  private final Cache<String, Long> dueDates = Caffeine.newBuilder().maximumSize(REMEMBERED_DUE_DATES).build();
  private final AtomicLong batches = new AtomicLong();
  /** Batches the threads turned away and the acquisition holds, to hand them over again when it next wakes. */
  private final Set<List<String>> turnedAway = ConcurrentHashMap.newKeySet();

  /** The job executor with the starter's settings, on the given threads (made by {@link #threads}). */
  public static DueJobsFirst configured(JobExecutionProperty settings, ThreadPoolTaskExecutor threads) {
    DueJobsFirst executor = new DueJobsFirst(threads);
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
    RejectedJobsHandler backToTheAcquisition = new NotifyAcquisitionRejectedJobsHandler();
    setRejectedJobsHandler((jobIds, engine, executor) -> {
      turnedAway.add(jobIds);
      backToTheAcquisition.jobsRejected(jobIds, engine, executor);
    });
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
      turnedAway.remove(jobIds);
      super.run();
      // the engine's run ends by waking the acquisition, which then hands turned-away batches over again; but a
      // wake-up that comes while the acquisition is between reading its flag and starting to wait is lost
      // (AcquireJobsRunnable clears the flag after reading it and notifies only a thread already waiting), and with
      // no batch left to end, those batches would wait out the acquisition's idle time (a minute here)
      if (!turnedAway.isEmpty()) {
        CompletableFuture.runAsync(DueJobsFirst.this::jobWasAdded, REMINDERS);
      }
    }

    @Override
    public int compareTo(Batch other) {
      int byDueDate = Long.compare(dueAt, other.dueAt);
      return byDueDate != 0 ? byDueDate : Long.compare(sequence, other.sequence);
    }
  }
}
