package id.go.kapuaskab.lupapassphrase.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time a JVM's JIT compilers have spent so far (Linux /proc: its threads named "C1 CompilerThread…",
 * "C2 CompilerThread…" and the code cache's "Sweeper thread"), so a window's cost per request can say how much of
 * the node's CPU went to compiling rather than to requests. The JVM starts one compiler thread of each kind on two
 * cores and keeps them; a thread that ended within a window would take its time with it.
 */
final class JitCpuTime {

  private JitCpuTime() {
  }

  /** User and system time of the process's compiler threads so far, in milliseconds. */
  static double ofProcess(long pid) {
    long ticks = 0;
    try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path thread : (Iterable<Path>) threads::iterator) {
        ticks += compilerTicks(thread);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("no threads for process " + pid, e);
    }
    return ticks * CpuTime.MILLIS_PER_TICK;
  }

  private static long compilerTicks(Path thread) {
    try {
      String stat = Files.readString(thread.resolve("stat"));
      String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!name.contains("CompilerThre") && !name.startsWith("Sweeper thread")) {
        return 0;
      }
      // after the name: field 3 (the state) at index 0, utime (14) and stime (15)
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    } catch (IOException ended) {
      return 0;
    }
  }
}
