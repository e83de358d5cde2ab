package id.go.kapuaskab.lupapassphrase.jobs;

import java.util.Comparator;
import java.util.concurrent.PriorityBlockingQueue;

/**
 * The job executor's queue: batches of jobs due at a set moment before the rest ({@link DueJobsFirst.Batch}'s
 * order), holding at most its capacity, so that a full queue turns a batch away and the acquisition takes fewer
 * jobs, as with the starter's queue.
 */
final class DueFirstQueue extends PriorityBlockingQueue<Runnable> {

  private static final Comparator<Runnable> DUE_FIRST = Comparator.comparing(
      runnable -> runnable instanceof DueJobsFirst.Batch batch ? batch : null,
      Comparator.nullsLast(Comparator.naturalOrder()));

  private final int capacity;

  DueFirstQueue(int capacity) {
    super(capacity, DUE_FIRST);
    this.capacity = capacity;
  }

  @Override
  public synchronized boolean offer(Runnable batch) {
    return size() < capacity && super.offer(batch);
  }

  @Override
  public boolean add(Runnable batch) {
    if (!offer(batch)) {
      throw new IllegalStateException("the job executor's queue is full");
    }
    return true;
  }

  /** Never waits for room: the thread pool only offers, and a full queue turns the batch away. */
  @Override
  public void put(Runnable batch) {
    throw new UnsupportedOperationException("the job executor's queue is only offered to");
  }

  @Override
  public int remainingCapacity() {
    return Math.max(0, capacity - size());
  }
}
