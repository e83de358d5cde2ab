package id.go.kapuaskab.lupapassphrase.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time of a PostgreSQL server that runs on this machine (Linux /proc): its postmaster's own, that of the
 * backends it has reaped, and that of those alive. Backends are processes the postmaster forks, one a connection,
 * so the server's whole cost is the postmaster's process tree. A backend that ends between the two reads is lost
 * (or counted twice): the benchmark's connections are pooled, so few do.
 */
final class DatabaseServerCpu {

  private final long postmaster;

  private DatabaseServerCpu(long postmaster) {
    this.postmaster = postmaster;
  }

  /**
   * The server a connection reaches, found as its backend's parent; empty where that process is not on this machine
   * or not readable (a server elsewhere, another namespace).
   */
  static Optional<DatabaseServerCpu> of(JdbcTemplate connection) {
    if (connection == null) {
      return Optional.empty();
    }
    long backend = connection.queryForObject("SELECT pg_backend_pid()", Long.class);
    try {
      long parent = ProcStat.ofProcess(backend).parent();
      return ProcStat.ofProcess(parent).name().startsWith("postgres") ? Optional.of(new DatabaseServerCpu(parent))
          : Optional.empty();
    } catch (IOException | RuntimeException notHere) {
      return Optional.empty();
    }
  }

  /** User and system time of the server so far, in milliseconds. */
  OptionalDouble millis() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      long ticks = children(processes);
      ProcStat own = ProcStat.ofProcess(postmaster);
      ticks += own.ownTicks() + own.reapedChildrenTicks();
      return OptionalDouble.of(ticks * CpuTime.MILLIS_PER_TICK);
    } catch (IOException notReadable) {
      return OptionalDouble.empty();
    }
  }

  private long children(Stream<Path> processes) {
    long ticks = 0;
    for (Path process : (Iterable<Path>) processes::iterator) {
      String name = process.getFileName().toString();
      if (!name.chars().allMatch(Character::isDigit)) {
        continue;
      }
      try {
        ProcStat child = ProcStat.read(process.resolve("stat"));
        if (child.parent() == postmaster) {
          ticks += child.ownTicks();
        }
      } catch (IOException endedOrNotReadable) {
        // ended while the list was read, or not readable: not one of the server's
      }
    }
    return ticks;
  }
}
