package id.go.kapuaskab.lupapassphrase.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's port of the Modeler's lint ({@link ModelerLint}) finds what bpmnlint itself finds, with the
 * configuration the build lints bpmn/ with (src/lint/.bpmnlintrc): the same rules on the same elements at
 * the same levels, on small diagrams that each break one rule (named after it: "link-event.bpmn", or
 * "link-event--unnamed-and-twin-catches.bpmn" for the rule's corners) and on the SOP's diagram, which passes. Needs npm (src/lint's packages are installed as lint.sh does); without it the test is
 * skipped, and with CI_REQUIRE_TOOLS=1 that is a failure instead.
 */
class ModelerLintParityTest {

  private static final Path LINT = Path.of("src", "lint");
  private static final Path BPMNLINT = LINT.resolve("node_modules/.bin/bpmnlint");
  private static final Path FIXTURES = Path.of("src", "test", "resources", "deployment", "modeler-lint");
  private static final Path SOP = Path.of("bpmn", "lupa-passphrase.bpmn");
  /** Layout only, and left out of the port (see ModelerLint). */
  private static final String NOT_PORTED = "no-overlapping-elements";

  @BeforeAll
  static void bpmnlintIsThere() throws IOException, InterruptedException {
    if (!Files.isExecutable(BPMNLINT) && run(List.of("npm", "--version"), LINT) != null) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), LINT);
    }
    if (!Files.isExecutable(BPMNLINT)) {
      String message = "Modeler lint parity SKIPPED: bpmnlint not installed. Install Node.js and npm (Debian: apt-get "
          + "install nodejs npm) and run sh src/lint/lint.sh.";
      if ("1".equals(System.getenv("CI_REQUIRE_TOOLS"))) {
        throw new IllegalStateException(message + " CI_REQUIRE_TOOLS=1 makes that a failure.");
      }
      Assumptions.abort(message);
    }
  }

  @Test
  void thePortFindsWhatBpmnlintFindsOnEveryDiagram() throws IOException, InterruptedException {
    List<Path> diagrams = new ArrayList<>(List.of(SOP));
    try (Stream<Path> files = Files.list(FIXTURES)) {
      files.filter(file -> file.toString().endsWith(".bpmn")).sorted().forEach(diagrams::add);
    }
    Map<Path, List<String>> bpmnlint = bpmnlint(diagrams);

    for (Path diagram : diagrams) {
      List<String> expected = bpmnlint.getOrDefault(diagram.toAbsolutePath(), List.of());
      assertThat(port(diagram)).as(diagram.toString()).containsExactlyInAnyOrderElementsOf(expected);
      String rule = diagram.getFileName().toString().replace(".bpmn", "").split("--")[0];
      if (diagram.startsWith(FIXTURES) && !rule.equals("passes")) {
        assertThat(expected).as("%s breaks its rule", diagram).anyMatch(finding -> finding.startsWith(rule + " ")
            || finding.startsWith("camunda-compat/" + rule + " "));
      }
    }
    assertThat(bpmnlint.get(SOP.toAbsolutePath())).as("the SOP's diagram passes").isNull();
  }

  /** "rule level element" for each finding of the port. */
  private static List<String> port(Path diagram) {
    return ModelerLint.lint(Bpmn.readModelFromFile(diagram.toFile())).stream()
        .map(finding -> finding.rule() + " " + finding.level().name().toLowerCase(Locale.ROOT) + " " + finding.element())
        .toList();
  }

  /** "rule level element" for each finding of bpmnlint's CLI, by file; a file with none is left out. */
  private static Map<Path, List<String>> bpmnlint(List<Path> diagrams) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(BPMNLINT.toAbsolutePath().toString()));
    diagrams.forEach(diagram -> command.add(diagram.toAbsolutePath().toString()));
    String output = run(command, LINT);
    assertThat(output).as("bpmnlint ran").isNotNull();
    Map<Path, List<String>> findings = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : output.replaceAll("\u001B\\[[0-9;]*m", "").split("\n")) {
      if (line.startsWith("/") && line.trim().endsWith(".bpmn")) {
        current = findings.computeIfAbsent(Path.of(line.trim()), file -> new ArrayList<>());
      } else if (line.startsWith("  ") && current != null) {
        // element, level, message, rule; bpmnlint prints "warning" for warn
        String[] columns = line.trim().split("\\s{2,}");
        assertThat(columns).as(line).hasSize(4);
        if (!columns[3].equals(NOT_PORTED)) {
          current.add(columns[3] + " " + columns[1] + " " + columns[0]);
        }
      }
    }
    return findings;
  }

  /** The command's output, or null when it cannot be started. */
  private static String run(List<String> command, Path directory) throws IOException, InterruptedException {
    java.lang.Process process;
    try {
      process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return null;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
    return output;
  }
}
