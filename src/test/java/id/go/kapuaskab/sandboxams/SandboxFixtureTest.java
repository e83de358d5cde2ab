package id.go.kapuaskab.sandboxams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sandbox AMS seeds its holders from a file of its own, and the product knows its demo people on
 * its own: the two must be the same people, or a local run's applicants would not be found in AMS
 * and the README's refusing NIKs would not be refused.
 */
class SandboxFixtureTest {

  /** How the README says each refusing status. */
  private static final Map<CertificateStatus, String> README_WORDS = Map.of(
      CertificateStatus.REVOKE, "revoked", CertificateStatus.SUSPEND, "suspended", CertificateStatus.EXPIRED, "expired");

  @Test
  void theFixtureHoldsEveryDemoHolderAsTheDemoKnowsThemAndNobodyElse() {
    assertThat(SandboxFixture.holders())
        .extracting(SandboxHolder::nik, SandboxHolder::email, SandboxHolder::name, SandboxHolder::status,
            SandboxHolder::validFrom)
        .containsExactlyInAnyOrderElementsOf(DemoPeople.ALL.stream().filter(DemoPerson::holdsCertificate)
            .map(person -> tuple(person.nik(), person.email(), person.firstName() + " " + person.lastName(),
                person.certificate(), person.validFrom()))
            .toList());
  }

  @Test
  void everyHolderHasAValidityThatEndsAfterItStarts() {
    assertThat(SandboxFixture.holders()).allSatisfy(holder -> assertThat(holder.validTo()).isAfter(holder.validFrom()));
  }

  @Test
  void theReadmeNamesTheHoldersTheFixtureRefuses() throws IOException {
    String readme = Files.readString(Path.of("README.md"));

    assertThat(SandboxFixture.holders()).filteredOn(holder -> holder.status().refusesReset())
        .hasSize(README_WORDS.size())
        .allSatisfy(holder -> assertThat(readme).contains("`" + holder.nik() + "` (" + README_WORDS.get(holder.status()) + ")"));
  }
}
