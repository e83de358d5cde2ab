package id.go.kapuaskab.lupapassphrase.audit;

import java.util.List;

/**
 * Percentiles the way spreadsheets compute them (PERCENTILE.INC, MEDIAN): linear interpolation
 * between the closest ranks, so an auditor gets the same figures from the exported CSV.
 */
final class Percentiles {

  private Percentiles() {
  }

  /**
   * @param sorted values in ascending order, at least one
   * @param p the percentile as a fraction, 0 to 1
   */
  static long inclusive(List<Long> sorted, double p) {
    double rank = p * (sorted.size() - 1);
    int lower = (int) Math.floor(rank);
    int upper = Math.min(lower + 1, sorted.size() - 1);
    double value = sorted.get(lower) + (rank - lower) * (sorted.get(upper) - sorted.get(lower));
    return Math.round(value);
  }
}
