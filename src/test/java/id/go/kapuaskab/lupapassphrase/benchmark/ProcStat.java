package id.go.kapuaskab.lupapassphrase.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's or thread's line in Linux's /proc ({@code /proc/<pid>/stat}, {@code /proc/<pid>/task/<tid>/stat}):
 * its name, its parent and its CPU time so far in clock ticks, its own and that of the children it has reaped.
 */
record ProcStat(String name, long parent, long ownTicks, long reapedChildrenTicks) {

  /** Reads the file; an IOException where the process has ended or may not be read. */
  static ProcStat read(Path stat) throws IOException {
    String line = Files.readString(stat);
    // the name is in parentheses and may hold spaces; after it, field 3 (the state) comes first
    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
    return new ProcStat(line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')), field(fields, 4),
        field(fields, 14) + field(fields, 15), field(fields, 16) + field(fields, 17));
  }

  static ProcStat ofProcess(long pid) throws IOException {
    return read(Path.of("/proc", Long.toString(pid), "stat"));
  }

  private static long field(String[] afterName, int number) {
    return Long.parseLong(afterName[number - 3]);
  }
}
