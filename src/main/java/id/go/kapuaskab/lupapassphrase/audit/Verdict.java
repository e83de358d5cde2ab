package id.go.kapuaskab.lupapassphrase.audit;

import java.time.Duration;

/** How one run of an SOP step stands against its standard time. */
public enum Verdict {
  /** Finished within the standard time. */
  DALAM_WAKTU,
  /** Took longer than the standard time, or its SLA timer fired (finished or not). */
  MELEBIHI,
  /** Still open and still within the standard time: no verdict yet. */
  BERJALAN,
  /** Ended within the standard time without being finished (the request ended around it). */
  TIDAK_SELESAI;

  static Verdict of(boolean completed, boolean ended, Duration elapsed, Duration standard, boolean breached) {
    if (breached || elapsed.compareTo(standard) > 0) {
      return MELEBIHI;
    }
    if (!ended) {
      return BERJALAN;
    }
    return completed ? DALAM_WAKTU : TIDAK_SELESAI;
  }

  /** Whether the run counts in the share "finished within the standard time". */
  boolean judged() {
    return this == DALAM_WAKTU || this == MELEBIHI;
  }
}
