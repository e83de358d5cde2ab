package id.go.kapuaskab.lupapassphrase.jobs;

import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Rings at each due time it was given, on one daemon thread. Due times are kept to the millisecond
 * and merged when equal; beyond the capacity the latest are forgotten (the job-table watch reads
 * them again when they come near). A ring never comes before its due time by the wall
 * clock, which is the clock the job acquisition compares due dates with.
 */
final class DueDateAlarm implements AutoCloseable {

  private final Runnable ring;
  private final int capacity;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread daemon = new Thread(runnable, "job-due-date-alarm");
    daemon.setDaemon(true);
    return daemon;
  });
  private final NavigableSet<Long> dueTimes = new TreeSet<>();
  private ScheduledFuture<?> armed;
  private long armedFor = Long.MAX_VALUE;

  DueDateAlarm(int capacity, Runnable ring) {
    this.capacity = capacity;
    this.ring = ring;
  }

  synchronized void add(long dueMillis) {
    if (!dueTimes.add(dueMillis)) {
      return;
    }
    if (dueTimes.size() > capacity && dueTimes.pollLast() == dueMillis) {
      return;
    }
    if (dueMillis < armedFor) {
      arm(dueMillis);
    }
  }

  private void arm(long dueMillis) {
    if (armed != null) {
      armed.cancel(false);
    }
    armedFor = dueMillis;
    armed = thread.schedule(this::fire, Math.max(0, dueMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
  }

  private void fire() {
    boolean anyDue;
    synchronized (this) {
      NavigableSet<Long> due = dueTimes.headSet(System.currentTimeMillis(), true);
      anyDue = !due.isEmpty();
      due.clear();
      armed = null;
      armedFor = Long.MAX_VALUE;
      if (!dueTimes.isEmpty()) {
        // the scheduler's clock may run a millisecond ahead of the wall clock: then this re-arms
        arm(dueTimes.first());
      }
    }
    if (anyDue) {
      ring.run();
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
