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

  // /proc/<pid>/stat after the process name: field 3 (the state) at index 0
  private static final int PPID = 4 - 3;
  private static final int UTIME = 14 - 3;
  private static final int STIME = 15 - 3;
  private static final int CUTIME = 16 - 3;
  private static final int CSTIME = 17 - 3;

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
      String[] fields = statFields(backend);
      long parent = Long.parseLong(fields[PPID]);
      String name = Files.readString(Path.of("/proc", Long.toString(parent), "comm")).trim();
      return name.startsWith("postgres") ? Optional.of(new DatabaseServerCpu(parent)) : Optional.empty();
    } catch (IOException | RuntimeException notHere) {
      return Optional.empty();
    }
  }

  /** User and system time of the server so far, in milliseconds. */
  OptionalDouble millis() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      long ticks = children(processes);
      String[] own = statFields(postmaster);
      ticks += Long.parseLong(own[UTIME]) + Long.parseLong(own[STIME]) + Long.parseLong(own[CUTIME])
          + Long.parseLong(own[CSTIME]);
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
        String[] fields = statFields(Long.parseLong(name));
        if (Long.parseLong(fields[PPID]) == postmaster) {
          ticks += Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME]);
        }
      } catch (IOException endedOrNotReadable) {
        // ended while the list was read, or not readable: not one of the server's
      }
    }
    return ticks;
  }

  /** The fields of /proc/<pid>/stat after the process's name, which is in parentheses and may hold spaces. */
  private static String[] statFields(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }
}
