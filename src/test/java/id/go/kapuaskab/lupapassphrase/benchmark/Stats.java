package id.go.kapuaskab.lupapassphrase.benchmark;

import java.util.List;

/** Percentiles by nearest rank over measured values. */
record Stats(int count, double p50, double p95, double p99, double max) {

  static Stats of(List<Double> values) {
    if (values.isEmpty()) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    List<Double> sorted = values.stream().sorted().toList();
    return new Stats(sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted.get(sorted.size() - 1));
  }

  private static double rank(List<Double> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
