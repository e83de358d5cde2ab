package id.go.kapuaskab.lupapassphrase.benchmark;

import java.time.Duration;

/**
 * How long the throughput benchmarks warm a node up and then measure it, one setting for all of them
 * ({@code -Dbenchmark.warmUpSeconds}, {@code -Dbenchmark.seconds}). The default warm-up is five minutes: after
 * one, a node's JIT compilers still took a fifth of its CPU (docs/performance.md, tenth round), so a shorter
 * warm-up measures the compiling, not the server that runs for months.
 */
final class ThroughputWindow {

  static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmUpSeconds", 300));
  static final Duration MEASURED = Duration.ofSeconds(Long.getLong("benchmark.seconds", 120));

  private ThroughputWindow() {
  }

  /** The window as the tables print it: "after 300 s of warm-up, over 120 s". */
  static String described() {
    return "after " + WARM_UP.toSeconds() + " s of warm-up, over " + MEASURED.toSeconds() + " s";
  }
}
