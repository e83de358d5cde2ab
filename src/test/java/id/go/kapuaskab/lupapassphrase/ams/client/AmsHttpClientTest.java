package id.go.kapuaskab.lupapassphrase.ams.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import id.go.kapuaskab.lupapassphrase.ams.AmsFaultException;
import id.go.kapuaskab.lupapassphrase.ams.AmsRefusedException;
import id.go.kapuaskab.lupapassphrase.ams.AmsSettings;
import id.go.kapuaskab.lupapassphrase.ams.CertificateInfo;
import id.go.kapuaskab.lupapassphrase.ams.Holder;
import id.go.kapuaskab.lupapassphrase.ams.ResetReceipt;
import id.go.kapuaskab.lupapassphrase.ams.api.AmsApi;
import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.privacy.PersonalData;
import id.go.kapuaskab.lupapassphrase.support.AmsContract;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The AMS client against a stand-in server (WireMock) that answers every way the contract allows, and
 * fails every way a network and a server can. Requests, and the answers that follow the contract, are
 * checked against docs/ams-api.yaml.
 */
class AmsHttpClientTest {

  @RegisterExtension
  static final WireMockExtension AMS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Holder ANI = new Holder(DemoPeople.ANI.nik(), DemoPeople.ANI.email());
  private static final String KEY = "LP-20261124-K7Q2MX:reset";
  /** Generous for a first call on a busy machine; the timeout test waits it out once. */
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final AmsContract contract = new AmsContract("");
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private AmsHttpClient client;

  @BeforeEach
  void setUp() {
    client = client(basic(), AMS::baseUrl);
    log.start();
    ((Logger) LoggerFactory.getLogger(AmsHttpClient.class)).addAppender(log);
  }

  @AfterEach
  void noPersonalDataInTheLog() {
    ((Logger) LoggerFactory.getLogger(AmsHttpClient.class)).detachAppender(log);
    assertThat(log.list).allSatisfy(event -> assertThat(event.getFormattedMessage())
        .doesNotContain(ANI.nik(), ANI.email()));
  }

  // --- answers -----------------------------------------------------------------------------------

  @Test
  void resetNamesTheHolderByNikAndCarriesTheIdempotencyKeyAndCredentials() {
    AMS.stubFor(post(AmsApi.RESET_PATH).willReturn(json(200,
        "{\"resetId\":\"r-1\",\"requestedAt\":\"2026-05-26T01:02:03Z\"}")));

    ResetReceipt receipt = client.requestReset(ANI, KEY);

    assertThat(receipt).isEqualTo(new ResetReceipt("r-1", Instant.parse("2026-05-26T01:02:03Z")));
    AMS.verify(1, postRequestedFor(urlEqualTo(AmsApi.RESET_PATH))
        .withHeader(AmsApi.IDEMPOTENCY_KEY, equalTo(KEY))
        .withBasicAuth(new BasicCredentials("lupa-passphrase", "rahasia-klien"))
        .withRequestBody(equalToJson("{\"nik\":\"" + ANI.nik() + "\"}")));
    assertThat(contract.violations()).isEmpty();
    assertThat(log.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
        .contains("reset passphrase", PersonalData.maskNumber(ANI.nik()), KEY));
  }

  @Test
  void resendCarriesItsOwnKey() {
    AMS.stubFor(post(AmsApi.RESEND_PATH).willReturn(json(200,
        "{\"resetId\":\"r-1\",\"requestedAt\":\"2026-05-26T01:02:03Z\"}")));

    assertThat(client.resendResetLink(ANI, "LP-20261124-K7Q2MX:resend-1").resetId()).isEqualTo("r-1");

    AMS.verify(1, postRequestedFor(urlEqualTo(AmsApi.RESEND_PATH))
        .withHeader(AmsApi.IDEMPOTENCY_KEY, equalTo("LP-20261124-K7Q2MX:resend-1")));
    assertThat(contract.violations()).isEmpty();
  }

  @Test
  void aHolderWithoutNikIsNamedByEmailAndABearerTokenReplacesBasic() {
    client = client(new AmsSettings(null, null, null, "token-123", TIMEOUT, TIMEOUT, "R3/PT5M"), AMS::baseUrl);
    AMS.stubFor(post(AmsApi.STATUS_PATH).willReturn(json(200, "{\"status\":\"NOT_REGISTERED\"}")));

    client.certificateStatus(new Holder(null, ANI.email()));

    AMS.verify(1, postRequestedFor(urlEqualTo(AmsApi.STATUS_PATH))
        .withHeader("Authorization", equalTo("Bearer token-123"))
        .withoutHeader(AmsApi.IDEMPOTENCY_KEY)
        .withRequestBody(equalToJson("{\"email\":\"" + ANI.email() + "\"}")));
    assertThat(contract.violations()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(CertificateStatus.class)
  void everyStatusIsReadWithItsValidity(CertificateStatus status) {
    AMS.stubFor(post(AmsApi.STATUS_PATH).willReturn(json(200, "{\"status\":\"" + status
        + "\",\"validFrom\":\"2025-03-01T01:00:00Z\",\"validTo\":\"2027-03-01T01:00:00Z\"}")));

    CertificateInfo certificate = client.certificateStatus(ANI);

    assertThat(certificate).isEqualTo(new CertificateInfo(status,
        Instant.parse("2025-03-01T01:00:00Z"), Instant.parse("2027-03-01T01:00:00Z")));
    assertThat(contract.violations()).isEmpty();
  }

  @Test
  void noCertificateHasNoValidity() {
    AMS.stubFor(post(AmsApi.STATUS_PATH).willReturn(json(200, "{\"status\":\"NO_CERTIFICATE\"}")));

    assertThat(client.certificateStatus(ANI)).isEqualTo(new CertificateInfo(CertificateStatus.NO_CERTIFICATE, null, null));
    assertThat(contract.violations()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = CertificateStatus.class, names = {"NOT_REGISTERED", "NO_CERTIFICATE", "EXPIRED", "REVOKE", "SUSPEND"})
  void aRefusalIsABusinessAnswerNotAFault(CertificateStatus status) {
    AMS.stubFor(post(AmsApi.RESET_PATH).willReturn(json(422,
        "{\"status\":\"" + status + "\",\"message\":\"ditolak\"}")));
    AMS.stubFor(post(AmsApi.RESEND_PATH).willReturn(json(422,
        "{\"status\":\"" + status + "\",\"message\":\"ditolak\"}")));

    AmsRefusedException reset = catchThrowableOfType(AmsRefusedException.class, () -> client.requestReset(ANI, KEY));
    AmsRefusedException resend = catchThrowableOfType(AmsRefusedException.class,
        () -> client.resendResetLink(ANI, "LP-1:resend-1"));

    assertThat(reset.status()).isEqualTo(status);
    assertThat(reset.getMessage()).isEqualTo(status.refusal());
    assertThat(resend.status()).isEqualTo(status);
    assertThat(contract.violations()).isEmpty();
  }

  // --- faults ------------------------------------------------------------------------------------

  static Stream<Arguments> faultyAnswers() {
    return Stream.of(
        fault("HTTP 500", json(500, "{\"title\":\"Internal Server Error\",\"status\":500}"), "HTTP 500 Internal Server Error"),
        fault("HTTP 502", aResponse().withStatus(502), "HTTP 502 Bad Gateway"),
        fault("HTTP 503", json(503, "{\"title\":\"Service Unavailable\",\"status\":503}"), "HTTP 503 Service Unavailable"),
        fault("HTTP 504", aResponse().withStatus(504), "HTTP 504 Gateway Timeout"),
        fault("HTTP 401", json(401, "{\"title\":\"Unauthorized\",\"status\":401}"), "HTTP 401 Unauthorized"),
        fault("HTTP 409", json(409, "{\"title\":\"Conflict\",\"status\":409}"), "HTTP 409 Conflict"),
        fault("no answer in time", json(200, "{\"resetId\":\"r-1\",\"requestedAt\":\"2026-05-26T01:02:03Z\"}")
            .withFixedDelay((int) TIMEOUT.toMillis() * 2), "read timeout"),
        fault("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), "connection to AMS failed"),
        fault("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE), "connection to AMS failed"),
        fault("broken chunked body", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), "AMS"),
        fault("body not JSON", json(200, "<html>Maintenance " + DemoPeople.ANI.nik() + "</html>"), "outside the contract"),
        fault("HTML page", aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html/>"),
            "outside the contract"),
        fault("fields missing", json(200, "{\"resetId\":\"r-1\"}"), "outside the contract (fields missing)"),
        fault("empty body", aResponse().withStatus(200), "outside the contract"),
        fault("refusal without status", json(422, "{\"message\":\"ditolak\"}"), "refusal outside the contract"),
        fault("refusal of a status that allows a reset", json(422, "{\"status\":\"ISSUE\",\"message\":\"x\"}"),
            "refusal outside the contract"),
        fault("refusal not JSON", json(422, "ditolak"), "outside the contract"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faultyAnswers")
  void aFaultyAnswerIsAFaultToRetry(String what, ResponseDefinitionBuilder answer, String message) {
    AMS.stubFor(post(AmsApi.RESET_PATH).willReturn(answer));

    AmsFaultException fault = catchThrowableOfType(AmsFaultException.class, () -> client.requestReset(ANI, KEY));

    assertThat(fault).as(what).isNotNull();
    assertThat(fault.getMessage()).startsWith("AMS fault on reset passphrase: ").contains(message)
        .doesNotContain(ANI.nik(), ANI.email());
    assertThat(contract.exchanges()).allSatisfy(exchange -> assertThat(exchange.request().hasErrors()).isFalse());
  }

  @Test
  void aStatusCheckWithAnUnknownStatusIsAFault() {
    AMS.stubFor(post(AmsApi.STATUS_PATH).willReturn(json(200, "{\"status\":\"ACTIVE\"}")));

    assertThatThrownBy(() -> client.certificateStatus(ANI)).isInstanceOf(AmsFaultException.class)
        .hasMessage("AMS fault on certificate status: answer outside the contract (unreadable body)");
  }

  @Test
  void aStatusCheckIsNeverRefused() {
    AMS.stubFor(post(AmsApi.STATUS_PATH).willReturn(json(422, "{\"status\":\"REVOKE\",\"message\":\"x\"}")));

    assertThatThrownBy(() -> client.certificateStatus(ANI)).isInstanceOf(AmsFaultException.class)
        .hasMessageContaining("HTTP 422");
  }

  @Test
  void connectionRefusedIsAFault() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    client = client(basic(), () -> "http://localhost:" + closedPort);

    assertThatThrownBy(() -> client.requestReset(ANI, KEY)).isInstanceOf(AmsFaultException.class)
        .hasMessage("AMS fault on reset passphrase: AMS not reachable (connection refused)");
  }

  @Test
  void credentialsAreEitherBasicOrBearer() {
    Function<AmsSettings, Object> build = settings -> AmsConnection.restClient(settings).build();

    assertThatThrownBy(() -> build.apply(new AmsSettings(null, null, null, null, TIMEOUT, TIMEOUT, "R3/PT5M")))
        .hasMessageContaining("lupa-passphrase.ams.username");
    assertThatThrownBy(() -> build.apply(new AmsSettings(null, "u", "p", "t", TIMEOUT, TIMEOUT, "R3/PT5M")))
        .hasMessageContaining("lupa-passphrase.ams.bearer-token");
    assertThat(new AmsSettings(null, "u", "geheim", "token", TIMEOUT, TIMEOUT, "R3/PT5M").toString())
        .doesNotContain("geheim", "token");
  }

  // --- helpers -----------------------------------------------------------------------------------

  private AmsHttpClient client(AmsSettings settings, Supplier<String> baseUrl) {
    return new AmsHttpClient(AmsConnection.restClient(settings).requestInterceptor(contract).build(), baseUrl);
  }

  private static AmsSettings basic() {
    return new AmsSettings(null, "lupa-passphrase", "rahasia-klien", null, TIMEOUT, TIMEOUT, "R3/PT5M");
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    String type = status >= 400 && status != 422 ? "application/problem+json" : "application/json";
    return aResponse().withStatus(status).withHeader("Content-Type", type).withBody(body);
  }

  private static Arguments fault(String what, ResponseDefinitionBuilder answer, String message) {
    return Arguments.of(what, answer, message);
  }
}
