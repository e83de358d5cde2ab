package id.go.kapuaskab.sandboxams;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;
import id.go.kapuaskab.lupapassphrase.ams.api.HolderQuery;
import id.go.kapuaskab.lupapassphrase.ams.api.ResetAnswer;
import id.go.kapuaskab.lupapassphrase.ams.api.StatusAnswer;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox AMS forgets nothing when it restarts: on its default store, an H2 file, a reset
 * registered before is known after, so a call repeated with the same idempotency key gets the first
 * receipt and sends no second mail; the link still works; the calls received are still listed.
 */
class SandboxStoreTest {

  private static final String LINKS = "http://localhost:8090/sandbox-ams/reset";
  private static final String KEY = "LP-20261201-STORE1:reset";

  @TempDir
  private Path folder;

  @Test
  void aRestartedSandboxAnswersARepeatedCallAsBeforeAndSendsNoSecondMail() {
    DemoPerson ani = DemoPeople.ANI;
    HolderQuery holder = new HolderQuery(ani.nik(), null);
    ResetAnswer first;
    String link;
    try (SandboxStore store = SandboxStore.open(url())) {
      SandboxAms sandbox = new SandboxAms(Clock.systemUTC(), () -> LINKS, store);
      first = sandbox.requestReset(holder, KEY);
      new SandboxApiJournal(store).record("/api/v2/user/passphrase/reset", KEY, 200);
      link = sandbox.outbox().get(0).link();
    }

    try (SandboxStore store = SandboxStore.open(url())) {
      SandboxAms restarted = new SandboxAms(Clock.systemUTC(), () -> LINKS, store);

      assertThat(restarted.requestReset(holder, KEY)).isEqualTo(first);
      assertThat(restarted.outbox()).hasSize(1);
      assertThat(restarted.resetCount(ani.nik())).isOne();
      assertThat(new SandboxApiJournal(store).callsAfter(0)).extracting(SandboxApiCall::idempotencyKey).containsExactly(KEY);

      String token = link.substring(link.lastIndexOf('/') + 1);
      assertThat(restarted.holderNameForLink(token)).contains(ani.firstName() + " " + ani.lastName());
      assertThat(restarted.setNewPassphrase(token, "Kapuas2026Baru", "Kapuas2026Baru")).isEmpty();
    }

    try (SandboxStore store = SandboxStore.open(url())) {
      SandboxAms again = new SandboxAms(Clock.systemUTC(), () -> LINKS, store);
      StatusAnswer certificate = again.certificateStatus(holder);
      assertThat(certificate.status()).isEqualTo(CertificateStatus.ISSUE);
      assertThat(certificate.validFrom()).as("issued since the reset").isAfterOrEqualTo(first.requestedAt());
      assertThat(again.holderNameForLink(link.substring(link.lastIndexOf('/') + 1))).as("the link was used").isEmpty();
    }
  }

  private String url() {
    return "jdbc:h2:file:" + folder.resolve("sandbox-ams").toAbsolutePath() + ";WRITE_DELAY=0";
  }
}
