package id.go.kapuaskab.sandboxams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.ams.AmsFaultException;
import id.go.kapuaskab.lupapassphrase.ams.AmsRefusedException;
import id.go.kapuaskab.lupapassphrase.ams.AmsSettings;
import id.go.kapuaskab.lupapassphrase.ams.CertificateInfo;
import id.go.kapuaskab.lupapassphrase.ams.Holder;
import id.go.kapuaskab.lupapassphrase.ams.ResetReceipt;
import id.go.kapuaskab.lupapassphrase.ams.api.AmsApi;
import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;
import id.go.kapuaskab.lupapassphrase.ams.client.AmsConnection;
import id.go.kapuaskab.lupapassphrase.ams.client.AmsHttpClient;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import id.go.kapuaskab.lupapassphrase.support.AmsContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The sandbox AMS serves the contract: real requests over HTTP, each request and each answer checked
 * against docs/ams-api.yaml by swagger-request-validator, for every kind of answer it gives.
 */
class SandboxContractTest extends IntegrationTest {

  @Autowired
  private AmsSettings settings;

  @Autowired
  private SandboxAms sandbox;

  @Autowired
  private SandboxOutage outage;

  private final AmsContract contract = new AmsContract(SandboxPaths.ROOT);
  private String api;
  private AmsHttpClient ams;

  @BeforeEach
  void client() {
    api = "http://localhost:" + port + SandboxPaths.ROOT;
    ams = new AmsHttpClient(AmsConnection.restClient(settings).requestInterceptor(contract).build(), () -> api);
  }

  @AfterEach
  void normal() {
    outage.set(SandboxOutage.Mode.NONE);
  }

  @Test
  void statusOfAHolderByNikOrEmail() {
    CertificateInfo byNik = ams.certificateStatus(holder(DemoPeople.CITRA_REVOKED));
    CertificateInfo byEmail = ams.certificateStatus(new Holder(null, DemoPeople.EKA_EXPIRED.email()));

    assertThat(byNik.status()).isEqualTo(CertificateStatus.REVOKE);
    assertThat(byNik.validFrom()).isEqualTo(DemoPeople.CITRA_REVOKED.validFrom());
    assertThat(byNik.validTo()).isAfter(byNik.validFrom());
    assertThat(byEmail.status()).isEqualTo(CertificateStatus.EXPIRED);
    assertThat(contract.violations()).isEmpty();
  }

  @Test
  void anUnknownHolderIsNotRegisteredWithoutDates() {
    CertificateInfo unknown = ams.certificateStatus(new Holder("6203019999990009", null));

    assertThat(unknown).isEqualTo(new CertificateInfo(CertificateStatus.NOT_REGISTERED, null, null));
    assertThat(contract.violations()).isEmpty();
  }

  @Test
  void aResetRepeatedUnderItsKeyAnswersTheSameAndSendsOneMail() {
    DemoPerson budi = DemoPeople.BUDI;
    String key = "LP-CONTRACT-" + UUID.randomUUID() + ":reset";
    int mailsBefore = sandbox.outbox().size();

    ResetReceipt first = ams.requestReset(holder(budi), key);
    ResetReceipt again = ams.requestReset(holder(budi), key);
    ResetReceipt resent = ams.resendResetLink(holder(budi), key.replace(":reset", ":resend-1"));

    assertThat(again).isEqualTo(first);
    assertThat(resent.resetId()).isEqualTo(first.resetId());
    assertThat(sandbox.outbox()).hasSize(mailsBefore + 2);
    assertThat(contract.violations()).isEmpty();
  }

  @Test
  void aHolderWhoCannotBeResetIsRefused() {
    AmsRefusedException revoked = catchThrowableOfType(AmsRefusedException.class,
        () -> ams.requestReset(holder(DemoPeople.CITRA_REVOKED), "LP-CONTRACT-1:reset"));
    AmsRefusedException unknown = catchThrowableOfType(AmsRefusedException.class,
        () -> ams.requestReset(new Holder(null, "tidak.ada@kapuaskab.go.id"), "LP-CONTRACT-2:reset"));

    assertThat(revoked.status()).isEqualTo(CertificateStatus.REVOKE);
    assertThat(unknown.status()).isEqualTo(CertificateStatus.NOT_REGISTERED);
    assertThat(contract.exchanges()).extracting(AmsContract.Exchange::call).allMatch(call -> call.endsWith("-> 422"));
    assertThat(contract.violations()).isEmpty();
  }

  @Test
  void conflictsAreProblems() {
    String key = "LP-CONTRACT-" + UUID.randomUUID() + ":reset";
    ams.requestReset(holder(DemoPeople.ANI), key);

    assertThatThrownBy(() -> ams.requestReset(holder(DemoPeople.BUDI), key))
        .isInstanceOf(AmsFaultException.class).hasMessageContaining("HTTP 409");
    assertThatThrownBy(() -> ams.resendResetLink(holder(DemoPeople.DEDI_SUSPENDED), "LP-CONTRACT-3:resend-1"))
        .isInstanceOf(AmsFaultException.class).hasMessageContaining("HTTP 409");
    assertThat(contract.violations()).isEmpty();
  }

  @Test
  void anOutageIsAProblemWithStatus503() {
    outage.set(SandboxOutage.Mode.DOWN);

    assertThatThrownBy(() -> ams.certificateStatus(holder(DemoPeople.ANI)))
        .isInstanceOf(AmsFaultException.class).hasMessageContaining("HTTP 503");
    assertThat(contract.violations()).isEmpty();
  }

  @Test
  void wrongCredentialsAreRefusedWith401() {
    AmsSettings wrong = new AmsSettings(null, settings.username(), "salah", null, settings.connectTimeout(),
        settings.readTimeout(), settings.retryCycle());
    AmsHttpClient stranger = new AmsHttpClient(AmsConnection.restClient(wrong).requestInterceptor(contract).build(),
        () -> api);

    assertThatThrownBy(() -> stranger.certificateStatus(holder(DemoPeople.ANI)))
        .isInstanceOf(AmsFaultException.class).hasMessageContaining("HTTP 401");
    assertThat(contract.violations()).isEmpty();
  }

  @Test
  void requestsOutsideTheContractAreProblemsWith400() {
    RestClient raw = AmsConnection.restClient(settings).requestInterceptor(contract).build();
    String reset = api + AmsApi.RESET_PATH;

    int withoutKey = raw.post().uri(reset).contentType(MediaType.APPLICATION_JSON)
        .body("{\"nik\":\"" + DemoPeople.ANI.nik() + "\"}").exchange((request, response) -> response.getStatusCode().value());
    int bothNikAndEmail = raw.post().uri(reset).header(AmsApi.IDEMPOTENCY_KEY, "LP-CONTRACT-4:reset")
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"nik\":\"" + DemoPeople.ANI.nik() + "\",\"email\":\"" + DemoPeople.ANI.email() + "\"}")
        .exchange((request, response) -> response.getStatusCode().value());
    int notJson = raw.post().uri(reset).header(AmsApi.IDEMPOTENCY_KEY, "LP-CONTRACT-5:reset")
        .contentType(MediaType.APPLICATION_JSON).body("{nik:")
        .exchange((request, response) -> response.getStatusCode().value());
    int withAPassphrase = raw.post().uri(reset).header(AmsApi.IDEMPOTENCY_KEY, "LP-CONTRACT-6:reset")
        .contentType(MediaType.APPLICATION_JSON).body("{\"nik\":\"" + DemoPeople.ANI.nik() + "\",\"passphrase\":\"Rahasia123\"}")
        .exchange((request, response) -> response.getStatusCode().value());

    assertThat(withoutKey).isEqualTo(400);
    assertThat(bothNikAndEmail).isEqualTo(400);
    assertThat(notJson).isEqualTo(400);
    assertThat(withAPassphrase).isEqualTo(400);
    assertThat(contract.exchanges()).hasSize(4).allSatisfy(exchange -> assertThat(exchange.request().hasErrors())
        .as("the request is outside the contract on purpose").isTrue());
    assertThat(contract.answerViolations()).isEmpty();
  }

  private static Holder holder(DemoPerson person) {
    return new Holder(person.nik(), person.email());
  }
}
