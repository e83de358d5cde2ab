package id.go.kapuaskab.lupapassphrase.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** CPU time spent so far, of one process and of the whole machine (Linux), for the cost of a request. */
final class CpuTime {

  /** USER_HZ of /proc/stat: 100 on every Linux this runs on. */
  static final double MILLIS_PER_TICK = 10;

  private CpuTime() {
  }

  /** User and system time of the process so far, in milliseconds. */
  static double ofProcess(long pid) {
    return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration()).map(Duration::toNanos)
        .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid)) / 1e6;
  }

  /**
   * Busy time of every core so far, in milliseconds (/proc/stat: user, nice, system, irq, softirq, steal):
   * every process of the run, the database, the AMS and the clients included.
   */
  static double ofMachine() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
        busy += Long.parseLong(fields[field]);
      }
      return busy * MILLIS_PER_TICK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
