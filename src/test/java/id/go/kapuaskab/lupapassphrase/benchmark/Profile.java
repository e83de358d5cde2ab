package id.go.kapuaskab.lupapassphrase.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A CPU profile of another JVM over part of a run, with the JDK's own Flight Recorder (jcmd JFR.start and
 * JFR.stop): its Java threads' execution samples, summed by the part of the stack they were in (the first
 * frame from the top that is not the JDK's) and by the method they were in, and written as collapsed stacks,
 * which flame-graph tools read (flamegraph.pl, speedscope.app).
 */
final class Profile {

  private static final String RECORDING = "request-cost";
  /** The parts of the application a sample is counted in: the first package prefix that matches, in this order. */
  private static final Map<String, String> PARTS = parts();

  private final long pid;
  private final Path recording;

  private Profile(long pid, Path recording) {
    this.pid = pid;
    this.recording = recording;
  }

  /**
   * The JVM options of a JVM to profile: the recorder keeps 64 frames of a stack by default, and the engine's
   * stacks under a REST call are deeper, so a sample would lose the call it belongs to.
   */
  static List<String> recordable(List<String> jvmOptions, boolean profiled) {
    if (!profiled) {
      return jvmOptions;
    }
    List<String> options = new ArrayList<>(jvmOptions);
    options.add("-XX:FlightRecorderOptions=stackdepth=512");
    return options;
  }

  static Profile start(long pid, Path recording) {
    jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=profile");
    return new Profile(pid, recording.toAbsolutePath());
  }

  /** Stops the recording, writes the collapsed stacks next to it and returns the top list as lines. */
  List<String> stopAndSummarize(int topMethods) {
    jcmd(pid, "JFR.stop", "name=" + RECORDING, "filename=" + recording);
    Map<String, Long> byPart = new HashMap<>();
    Map<String, Long> byMethod = new HashMap<>();
    Map<String, Long> stacks = new HashMap<>();
    long samples = 0;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
          continue;
        }
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        if (frames.isEmpty()) {
          continue;
        }
        samples++;
        byMethod.merge(name(frames.get(0)), 1L, Long::sum);
        byPart.merge(part(frames), 1L, Long::sum);
        List<String> names = new ArrayList<>(frames.stream().map(Profile::name).toList());
        Collections.reverse(names);
        stacks.merge(String.join(";", names), 1L, Long::sum);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(stacks);
    long total = samples;
    List<String> lines = new ArrayList<>();
    lines.add(String.format("CPU profile (JFR execution samples of the node's Java threads): %d samples, %s", samples,
        recording));
    lines.add("  by part of the stack (the first frame from the top outside the JDK):");
    top(byPart, Integer.MAX_VALUE).forEach((part, count) -> lines.add(String.format("    %5.1f %%  %s", 100.0 * count / total, part)));
    lines.add("  by method (self):");
    top(byMethod, topMethods).forEach((method, count) -> lines.add(String.format("    %5.1f %%  %s", 100.0 * count / total, method)));
    return lines;
  }

  private void write(Map<String, Long> stacks) {
    List<String> collapsed = new ArrayList<>();
    stacks.forEach((stack, count) -> collapsed.add(stack + " " + count));
    try {
      Files.write(Path.of(recording.toString().replaceFirst("\\.jfr$", "") + ".collapsed"), collapsed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Long> top(Map<String, Long> counts, int limit) {
    Map<String, Long> top = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
        .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
    return top;
  }

  private static String part(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      for (Map.Entry<String, String> part : PARTS.entrySet()) {
        if (type.startsWith(part.getKey())) {
          return part.getValue();
        }
      }
      if (!type.startsWith("java.") && !type.startsWith("javax.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
        return "other: " + type.replaceFirst("\\.[^.]*$", "");
      }
    }
    return "the JDK alone";
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static Map<String, String> parts() {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("org.h2.mvstore", "H2: MVStore (pages, chunks, file)");
    parts.put("org.h2", "H2: SQL");
    parts.put("org.postgresql", "PostgreSQL driver");
    parts.put("org.apache.ibatis.ognl", "MyBatis: dynamic SQL (OGNL)");
    parts.put("org.apache.ibatis.scripting", "MyBatis: dynamic SQL (OGNL)");
    parts.put("org.apache.ibatis", "MyBatis");
    parts.put("org.camunda.bpm.engine.rest", "Camunda REST API");
    parts.put("org.camunda.bpm.engine.impl.history", "Camunda engine: history");
    parts.put("org.camunda.bpm.engine.impl.persistence", "Camunda engine: persistence");
    parts.put("org.camunda.bpm.engine.impl.db", "Camunda engine: persistence");
    parts.put("org.camunda.bpm.engine.impl.jobexecutor", "Camunda engine: job executor");
    parts.put("org.camunda.bpm.engine.impl.identity", "Camunda engine: identity (password check)");
    parts.put("org.camunda.bpm.engine.impl.digest", "Camunda engine: identity (password check)");
    parts.put("org.camunda.bpm.webapp", "Camunda webapps");
    parts.put("org.camunda", "Camunda engine: other");
    parts.put("com.fasterxml.jackson", "Jackson (JSON)");
    parts.put("org.glassfish.jersey", "Jersey");
    parts.put("org.apache.catalina", "Tomcat");
    parts.put("org.apache.coyote", "Tomcat");
    parts.put("org.apache.tomcat", "Tomcat");
    parts.put("com.zaxxer.hikari", "HikariCP");
    parts.put("org.springframework.security", "Spring Security");
    parts.put("org.springframework.session", "Spring Session");
    parts.put("org.springframework", "Spring");
    parts.put("id.go.kapuaskab.sandboxams", "the sandbox AMS");
    parts.put("id.go.kapuaskab.lupapassphrase", "this application");
    parts.put("ch.qos.logback", "logging");
    parts.put("org.slf4j", "logging");
    return parts;
  }

  private static void jcmd(long pid, String... command) {
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(pid)));
    line.addAll(List.of(command));
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", line) + ": " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
