package id.go.kapuaskab.lupapassphrase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No library the jar ships is at or below a version named by a published advisory. What the jar ships
 * is what Maven resolves in runtime scope, written before the tests to target/shipped-dependencies.txt
 * (pom.xml, maven-dependency-plugin, execution shipped-dependencies); the advisories are
 * src/test/resources/security/advisories.csv, whose head says how an entry reads. docs/security.md
 * tells how to add one. The check depends on those two files only, never on the day it runs.
 */
class ShippedDependenciesTest {

  static final Path SHIPPED = Path.of("target", "shipped-dependencies.txt");
  static final String ADVISORIES = "/security/advisories.csv";
  private static final Pattern ARTIFACT = Pattern.compile("[\\w.-]+:[\\w.-]+");
  private static final Pattern ADVISORY_ID =
      Pattern.compile("CVE-\\d{4}-\\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3}");

  /** A jar the application ships, as group:artifact and version. */
  record Shipped(String artifact, String version) {}

  /** One line of the advisory list: versions of {@code line} up to {@code lastAffected} are affected. */
  record Advisory(String artifact, String line, String lastAffected, String id, String summary) {

    boolean affects(Shipped jar) {
      return artifact.equals(jar.artifact()) && inLine(jar.version(), line)
          && ("*".equals(lastAffected) || atOrBelow(jar.version(), lastAffected));
    }
  }

  @Test
  void noShippedLibraryIsAtOrBelowAListedAdvisory() {
    List<Shipped> shipped = readShipped(SHIPPED);
    // the list must be what the jar holds: the container, the framework and the engine at least
    assertThat(shipped).extracting(Shipped::artifact).contains("org.apache.tomcat.embed:tomcat-embed-core",
        "org.springframework:spring-core", "org.camunda.bpm:camunda-engine");

    assertThat(findings(shipped, readAdvisories()))
        .as("shipped libraries named by an advisory in src/test/resources%s: move each to a fixed release"
            + " (docs/security.md, \"Shipped components and advisories\")", ADVISORIES)
        .isEmpty();
  }

  @Test
  void theCheckReportsAShippedVersionAtOrBelowAnEntry() {
    // the jar as it was before issue 18, in the dependency plugin's own format
    List<Shipped> before = parseShipped("""
        The following files have been resolved:
           org.apache.tomcat.embed:tomcat-embed-core:jar:10.1.48:compile -- module org.apache.tomcat.embed.core
           com.fasterxml.jackson.core:jackson-core:jar:2.19.2:compile -- module com.fasterxml.jackson.core
           org.camunda.feel:feel-engine:jar:scala-shaded:1.19.3:compile -- module feel.engine (auto)
           org.postgresql:postgresql:jar:42.7.8:runtime -- module org.postgresql.jdbc [auto]
        """);
    assertThat(before).contains(new Shipped("org.camunda.feel:feel-engine", "1.19.3"));

    assertThat(findings(before, readAdvisories()))
        .anySatisfy(f -> assertThat(f).contains("tomcat-embed-core 10.1.48", "CVE-2026-24733"))
        .anySatisfy(f -> assertThat(f).contains("tomcat-embed-core 10.1.48", "CVE-2026-43515"))
        .anySatisfy(f -> assertThat(f).contains("jackson-core 2.19.2", "GHSA-72hv-8253-57qq"))
        .anySatisfy(f -> assertThat(f).contains("postgresql 42.7.8", "CVE-2026-42198"));
  }

  @Test
  void anEntryCoversItsOwnLineUpToItsLastAffectedVersion() {
    Advisory advisory = new Advisory("org.apache.tomcat.embed:tomcat-embed-core", "10.1", "10.1.49",
        "CVE-2026-24733", "test");
    String core = advisory.artifact();

    assertThat(advisory.affects(new Shipped(core, "10.1.9"))).isTrue();
    assertThat(advisory.affects(new Shipped(core, "10.1.0-M1"))).isTrue();
    assertThat(advisory.affects(new Shipped(core, "10.1.49"))).as("at the entry").isTrue();
    assertThat(advisory.affects(new Shipped(core, "10.1.50"))).isFalse();
    assertThat(advisory.affects(new Shipped(core, "10.1.100"))).isFalse();
    assertThat(advisory.affects(new Shipped(core, "11.0.1"))).as("another line").isFalse();
    assertThat(advisory.affects(new Shipped(core, "10.10.1"))).as("another line").isFalse();
    assertThat(advisory.affects(new Shipped(core, "9.0.1"))).as("another line").isFalse();
    assertThat(advisory.affects(new Shipped("org.apache.tomcat.embed:tomcat-embed-el", "10.1.9")))
        .as("another artifact").isFalse();

    Advisory wholeLine = new Advisory("com.fasterxml.jackson.core:jackson-core", "2.19", "*", "GHSA-x", "test");
    assertThat(wholeLine.affects(new Shipped(wholeLine.artifact(), "2.19.4"))).isTrue();
    assertThat(wholeLine.affects(new Shipped(wholeLine.artifact(), "2.19.10"))).isTrue();
    assertThat(wholeLine.affects(new Shipped(wholeLine.artifact(), "2.21.8"))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
      "10.1.9, 10.1.48",
      "10.1.48, 10.1.62",
      "2.19.2, 2.19.10",
      "2.19.4, 2.21",
      "42.7.8, 42.7.10",
      "42.7.10, 42.7.14",
      "10.1.0-M1, 10.1.0",
      "3.1.3.RELEASE, 3.1.4.RELEASE",
      "3.1.4.RELEASE, 3.1.10.RELEASE",
      "8.0.3.Final, 8.0.6.Final",
      "2.0.7.RELEASE, 2.0.10.RELEASE",
      "3.17.0, 3.18.0",
      "1.5.9, 1.5.38"})
  void versionsCompareInMavensOrder(String lower, String higher) {
    assertThat(atOrBelow(lower, higher)).isTrue();
    assertThat(atOrBelow(higher, lower)).isFalse();
  }

  @Test
  void equalVersionsAreAtTheEntry() {
    assertThat(atOrBelow("2.21", "2.21.0")).isTrue();
    assertThat(atOrBelow("3.1.3.RELEASE", "3.1.3")).isTrue();
    assertThat(atOrBelow("10.1.48", "10.1.48")).isTrue();
  }

  @Test
  void everyEntryOfTheListIsComplete() {
    List<Advisory> advisories = readAdvisories();
    assertThat(advisories).isNotEmpty().allSatisfy(a -> {
      assertThat(a.artifact()).as("group:artifact of %s", a.id()).matches(ARTIFACT);
      assertThat(a.id()).as("advisory id for %s", a.artifact()).matches(ADVISORY_ID);
      assertThat(a.line()).as("line of %s", a.id()).matches("\\d+(\\.\\d+)*");
      assertThat("*".equals(a.lastAffected()) || inLine(a.lastAffected(), a.line()))
          .as("last affected version %s of %s lies in the line %s", a.lastAffected(), a.id(), a.line()).isTrue();
      assertThat(a.summary()).as("summary of %s", a.id()).isNotBlank();
    });
  }

  @Test
  void aMissingListOfShippedJarsFailsSayingWhy() {
    assertThatThrownBy(() -> readShipped(Path.of("target", "no-such-list.txt")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("generate-test-resources");
  }

  /** Each shipped jar at or below an entry, as "group:artifact version: id (summary)". */
  static List<String> findings(List<Shipped> shipped, List<Advisory> advisories) {
    List<String> findings = new ArrayList<>();
    for (Shipped jar : shipped) {
      for (Advisory advisory : advisories) {
        if (advisory.affects(jar)) {
          findings.add("%s %s: %s (%s; listed for the %s line up to %s)".formatted(jar.artifact(), jar.version(),
              advisory.id(), advisory.summary(), advisory.line(), advisory.lastAffected()));
        }
      }
    }
    return findings;
  }

  /** Whether {@code version} belongs to {@code line}: it is the line, or the line and a dot start it. */
  static boolean inLine(String version, String line) {
    return version.equals(line) || version.startsWith(line + ".");
  }

  static boolean atOrBelow(String version, String limit) {
    return new ComparableVersion(version).compareTo(new ComparableVersion(limit)) <= 0;
  }

  static List<Shipped> readShipped(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new AssertionError(file + " is missing: Maven writes it in generate-test-resources"
          + " (maven-dependency-plugin, execution shipped-dependencies); run the tests through ./mvnw");
    }
    try {
      return parseShipped(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The dependency plugin's list: a line "group:artifact:type[:classifier]:version:scope", then
   * possibly " -- module …" or " (optional)"; other lines (the heading, "none") are skipped.
   */
  static List<Shipped> parseShipped(String text) {
    List<Shipped> shipped = new ArrayList<>();
    for (String raw : text.lines().toList()) {
      String line = raw.replaceFirst(" -- .*$", "").replaceFirst(" \\(optional\\)$", "").strip();
      String[] parts = line.split(":");
      if (parts.length == 5 || parts.length == 6) {
        shipped.add(new Shipped(parts[0] + ":" + parts[1], parts[parts.length - 2]));
      }
    }
    return shipped;
  }

  static List<Advisory> readAdvisories() {
    try (InputStream in = ShippedDependenciesTest.class.getResourceAsStream(ADVISORIES)) {
      assertThat(in).as("%s on the test class path", ADVISORIES).isNotNull();
      List<Advisory> advisories = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("artifact,")) {
          continue;
        }
        String[] f = line.split(",", 5);
        assertThat(f).as("five fields in: %s", line).hasSize(5);
        advisories.add(new Advisory(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip()));
      }
      return advisories;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
