package id.go.kapuaskab.lupapassphrase.benchmark;

import id.go.kapuaskab.lupapassphrase.support.Cluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two configurations the benchmark compares. Both are this application; "stock" puts back the
 * Camunda starter's job-executor defaults, H2's defaults and the JVM's default options.
 */
enum BenchmarkSetup {

  STOCK("stock", Map.of(
      "camunda.bpm.job-execution.wait-time-in-millis", "5000",
      "camunda.bpm.job-execution.max-wait", "60000",
      "camunda.bpm.job-execution.max-jobs-per-acquisition", "3",
      "camunda.bpm.job-execution.core-pool-size", "3",
      "camunda.bpm.job-execution.max-pool-size", "10",
      "camunda.bpm.job-execution.queue-capacity", "3",
      "camunda.bpm.job-execution.lock-time-in-millis", "300000",
      "camunda.bpm.generic-properties.properties.job-executor-prefer-timer-jobs", "false",
      "lupa-passphrase.jobs.wake-at-due-date", "false"),
      "", List.of(), false),

  /** application.yaml as it is; the jar started the way the README documents (JVM options, CDS archive). */
  OURS("ours", Map.of(), ";WRITE_DELAY=0;QUERY_CACHE_SIZE=256", Cluster.JVM_OPTIONS, true);

  final String label;
  private final Map<String, String> overrides;
  private final String h2Settings;
  final List<String> jvmOptions;
  /** Started from the extracted jar with a class data sharing archive of a training run. */
  final boolean classDataSharing;

  BenchmarkSetup(String label, Map<String, String> overrides, String h2Settings, List<String> jvmOptions,
      boolean classDataSharing) {
    this.label = label;
    this.overrides = overrides;
    this.h2Settings = h2Settings;
    this.jvmOptions = jvmOptions;
    this.classDataSharing = classDataSharing;
  }

  /** The settings this configuration changes, as command-line arguments. */
  List<String> overrideArguments() {
    return overrides.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toList();
  }

  /** The command-line arguments of the application for a run of the local profile on the given folder and port. */
  List<String> arguments(Path dataFolder, int port) {
    List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=local"));
    properties(dataFolder, port).forEach((key, value) -> arguments.add("--" + key + "=" + value));
    return arguments;
  }

  /** Spring properties for a run on the H2 file database in the given folder. */
  private Map<String, String> properties(Path dataFolder, int port) {
    Map<String, String> properties = new LinkedHashMap<>(overrides);
    properties.put("spring.datasource.url", "jdbc:h2:file:" + dataFolder.toAbsolutePath().resolve("lupa-passphrase")
        + ";DB_CLOSE_ON_EXIT=FALSE" + h2Settings);
    properties.put("lupa-passphrase.ams.sandbox.store-url", "jdbc:h2:file:" + dataFolder.toAbsolutePath()
        .resolve("sandbox-ams") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    properties.put("server.port", Integer.toString(port));
    // the demo applicant stands for the whole office: thousands of requests open in one name
    properties.put("lupa-passphrase.request.max-open-per-applicant", Integer.toString(Integer.MAX_VALUE));
    // what each request logs (AMS calls, breach notices) would otherwise be part of what is measured
    properties.put("logging.level.root", "WARN");
    return properties;
  }
}
