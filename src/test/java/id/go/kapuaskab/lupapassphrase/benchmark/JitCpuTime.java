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
      ProcStat stat = ProcStat.read(thread.resolve("stat"));
      return stat.name().contains("CompilerThre") || stat.name().startsWith("Sweeper thread") ? stat.ownTicks() : 0;
    } catch (IOException ended) {
      return 0;
    }
  }
}
