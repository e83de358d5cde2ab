package id.go.kapuaskab.lupapassphrase.benchmark;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls every 20 ms for what the job executor does in the background (a shorter interval spends
 * the CPU the engine needs on the polls); two minutes without it is a failure. Longer than a job's
 * lock (60 s): a request whose job a killed node held waits that lock out first (DeploymentBenchmark).
 */
final class Waiting {

  private static final long LIMIT_MILLIS = 120_000;

  private Waiting() {
  }

  static void until(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + LIMIT_MILLIS;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("waited two minutes for " + what.get());
      }
      Thread.sleep(20);
    }
  }
}
