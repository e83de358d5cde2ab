package id.go.kapuaskab.lupapassphrase.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Complete requests, run back to back by a few clients at once, counted while they run. */
final class Load implements AutoCloseable {

  private final ExecutorService clients;
  private final List<Future<?>> running = new ArrayList<>();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicLong completed = new AtomicLong();
  private long startedNanos;

  private Load(int clientCount) {
    this.clients = Executors.newFixedThreadPool(clientCount);
  }

  static Load start(SopClient client, int clientCount) {
    Load load = new Load(clientCount);
    load.startedNanos = System.nanoTime();
    for (int i = 0; i < clientCount; i++) {
      load.running.add(load.clients.submit(() -> {
        while (!load.stopping.get()) {
          client.runOneRequest();
          load.completed.incrementAndGet();
        }
        return null;
      }));
    }
    return load;
  }

  /** Lets each client finish the request it is on, then tells how many ended per second. */
  double stopAndRate() throws Exception {
    stopping.set(true);
    for (Future<?> client : running) {
      client.get();
    }
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    return completed.get() / seconds;
  }

  /** The requests that ended so far. */
  long completed() {
    return completed.get();
  }

  static double rateFor(SopClient client, int clientCount, Duration duration) throws Exception {
    try (Load load = start(client, clientCount)) {
      Thread.sleep(duration.toMillis());
      return load.stopAndRate();
    }
  }

  @Override
  public void close() {
    stopping.set(true);
    clients.shutdownNow();
  }
}
