package id.go.kapuaskab.lupapassphrase.operations;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_NOTIFY_SUPERVISOR;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_RESET_PASSPHRASE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TIMER_SUBMIT_REQUEST_SLA;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.IDENTITY_VERIFIED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SUBMIT_ACTION;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFICATION_DECISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.cluster.NodeName;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.operations.Actuator.Scrape;
import id.go.kapuaskab.lupapassphrase.process.SubmitAction;
import id.go.kapuaskab.lupapassphrase.process.VerificationDecision;
import id.go.kapuaskab.lupapassphrase.support.Browserless;
import id.go.kapuaskab.lupapassphrase.support.RequestFixtures;
import id.go.kapuaskab.lupapassphrase.support.Users;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The SOP's own metrics as the operator's Prometheus reads them over HTTP, while requests go through
 * the SOP: each figure moves by what was done (the shared context holds other tests' requests too, so
 * the figures are compared before and after).
 */
@ExtendWith(OutputCaptureExtension.class)
class SopMetricsTest extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DATABASE_READ = Duration.ofSeconds(5);

  @Autowired
  private TestRestTemplate http;

  @Autowired
  private NodeName node;

  private Actuator actuator;
  private RequestFixtures requests;

  @BeforeEach
  void setUp() {
    actuator = new Actuator(port);
    requests = new RequestFixtures(engine);
  }

  @AfterEach
  void amsBack() {
    switchAms("NONE");
  }

  @Test
  void aRequestIsCountedWhenItOpensWhereItWaitsAndHowItEnds() {
    Scrape before = actuator.scrape();

    ProcessInstance request = requests.opened(DemoPeople.ANI);

    assertThat(actuator.scrape().value("lupa_requests_opened_total"))
        .isEqualTo(before.value("lupa_requests_opened_total") + 1);
    awaitValue("lupa_requests_open", before.value("lupa_requests_open", "step=\"1\"") + 1, "step=\"1\"");

    Users.as(engine, DemoPeople.ANI.userId(), () -> engine.getTaskService().complete(
        requests.task(request, TASK_SUBMIT_REQUEST).getId(), Map.of(SUBMIT_ACTION, SubmitAction.WITHDRAW.name())));

    assertThat(actuator.scrape().value("lupa_requests_ended_total", "outcome=\"dibatalkan\""))
        .isEqualTo(before.value("lupa_requests_ended_total", "outcome=\"dibatalkan\"") + 1);
    awaitValue("lupa_requests_open", before.value("lupa_requests_open", "step=\"1\""), "step=\"1\"");
  }

  @Test
  void anAmsOutageShowsAsFaultsRetriesAnIncidentAndInTheHealthOfAms(CapturedOutput log) throws Exception {
    double atStep2 = actuator.scrape().value("lupa_requests_open", "step=\"2\"");
    ProcessInstance request = waitingForAmsReset();
    Job reset = job(request, TASK_RESET_PASSPHRASE);
    // waiting for its call to AMS, the request is at step 2
    awaitValue("lupa_requests_open", atStep2 + 1, "step=\"2\"");
    Scrape before = actuator.scrape();

    switchAms("DOWN");
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(reset.getId()));
    }

    Scrape down = actuator.scrape();
    assertThat(down.value("lupa_ams_calls_seconds_count", "operation=\"reset\"", "result=\"fault\""))
        .isEqualTo(before.value("lupa_ams_calls_seconds_count", "operation=\"reset\"", "result=\"fault\"") + 3);
    // three tries (R3/PT5M): two more after a fault, then an incident
    assertThat(down.value("lupa_ams_retries_total", "operation=\"reset\""))
        .isEqualTo(before.value("lupa_ams_retries_total", "operation=\"reset\"") + 2);
    awaitValue("lupa_incidents_open", before.value("lupa_incidents_open", "type=\"failedJob\"") + 1, "type=\"failedJob\"");
    JsonNode ams = JSON.readTree(actuator.get("/actuator/health", Actuator.OPERATOR, Actuator.PASSWORD).body())
        .at("/components/ams");
    assertThat(ams.path("status").asText()).isEqualTo("DOWN");
    assertThat(ams.at("/details/reachable").asBoolean()).isTrue();
    assertThat(ams.at("/details/lastError/message").asText())
        .isEqualTo("AMS fault on reset passphrase: AMS answered HTTP 503 Service Unavailable");
    // AMS down takes nothing out of service unless the operator says so: the node stays ready and alive
    assertThat(actuator.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(actuator.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(actuator.get("/actuator/health").body()).isEqualTo("{\"status\":\"DOWN\"}");

    switchAms("NONE");
    engine.getManagementService().setJobRetries(reset.getId(), 1);
    engine.getManagementService().executeJob(reset.getId());

    Scrape back = actuator.scrape();
    assertThat(back.value("lupa_ams_calls_seconds_count", "operation=\"reset\"", "result=\"ok\""))
        .isEqualTo(before.value("lupa_ams_calls_seconds_count", "operation=\"reset\"", "result=\"ok\"") + 1);
    assertThat(back.value("lupa_ams_calls_seconds_bucket", "operation=\"reset\"", "result=\"ok\"", "le=\"+Inf\""))
        .isEqualTo(before.value("lupa_ams_calls_seconds_bucket", "operation=\"reset\"", "result=\"ok\"", "le=\"+Inf\"") + 1);
    awaitValue("lupa_incidents_open", before.value("lupa_incidents_open", "type=\"failedJob\""), "type=\"failedJob\"");
    assertThat(JSON.readTree(actuator.get("/actuator/health", Actuator.OPERATOR, Actuator.PASSWORD).body())
        .at("/components/ams/status").asText()).isEqualTo("UP");
    // the plain-text log names the request and the node on each line of the work on it
    assertThat(log.getOut()).containsPattern("\\[" + request.getBusinessKey() + " " + node.value()
        + "\\] .*AMS reset passphrase \\(holder \\*{12}\\d{4}, key " + request.getBusinessKey() + ":reset\\): done");
  }

  @Test
  void aLateSlaTimerIsABreachOfItsStepAndItsLatenessIsMeasured() {
    ProcessInstance request = requests.opened(DemoPeople.ANI);
    Task submit = requests.task(request, TASK_SUBMIT_REQUEST);
    Job sla = engine.getManagementService().createJobQuery().processInstanceId(request.getId())
        .activityId(TIMER_SUBMIT_REQUEST_SLA).singleResult();
    Scrape before = actuator.scrape();

    ClockUtil.setCurrentTime(Date.from(sla.getDuedate().toInstant().plusSeconds(3)));
    engine.getManagementService().executeJob(sla.getId());

    Scrape after = actuator.scrape();
    String timer = "timer=\"" + TIMER_SUBMIT_REQUEST_SLA + "\"";
    assertThat(after.value("lupa_sla_breaches_total", "step=\"1\""))
        .isEqualTo(before.value("lupa_sla_breaches_total", "step=\"1\"") + 1);
    assertThat(after.value("lupa_timer_lateness_seconds_count", timer))
        .isEqualTo(before.value("lupa_timer_lateness_seconds_count", timer) + 1);
    assertThat(after.value("lupa_timer_lateness_seconds_sum", timer) - before.value("lupa_timer_lateness_seconds_sum", timer))
        .isCloseTo(3.0, within(0.5));
    assertThat(after.value("lupa_timer_lateness_seconds_bucket", timer, "le=\"1.0\""))
        .isEqualTo(before.value("lupa_timer_lateness_seconds_bucket", timer, "le=\"1.0\""));
    // the breach notice to the supervisor now waits as an asynchronous job, due at once
    assertThat(job(request, TASK_NOTIFY_SUPERVISOR)).isNotNull();
    awaitValue("lupa_jobs_due", before.value("lupa_jobs_due", "type=\"async\"") + 1, "type=\"async\"");
    // the step goes on; the request still waits there
    assertThat(requests.task(request, TASK_SUBMIT_REQUEST).getId()).isEqualTo(submit.getId());
  }

  @Test
  void wrongPasswordsWaitingAccountsAndRefusedCallsAreCounted() {
    User guessed = engine.getIdentityService().newUser("metrikuji");
    guessed.setPassword("Sandi-Uji-2026!");
    engine.getIdentityService().saveUser(guessed);
    try {
      Scrape before = actuator.scrape();

      // from an address of its own, so no other test's client count moves
      Browserless.from(port, "198.51.100.22").login("tasklist", guessed.getId(), "salah");

      assertThat(actuator.scrape().value("lupa_login_failures_total"))
          .isEqualTo(before.value("lupa_login_failures_total") + 1);
      awaitValue("lupa_accounts_locked", before.value("lupa_accounts_locked") + 1);

      // a start whose body is JSON's null, refused before anything reads it
      HttpHeaders json = new HttpHeaders();
      json.setContentType(MediaType.APPLICATION_JSON);
      assertThat(http.withBasicAuth(DemoPeople.ANI.userId(), "demo").exchange(
          "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", HttpMethod.POST, new HttpEntity<>("null", json),
          String.class).getStatusCode().value()).isEqualTo(400);
      // counted by the rule that refused it, the place docs/security.md names
      String rule = "rule=\"BodyRequiredFilter\"";
      assertThat(actuator.scrape().value("lupa_refused_calls_total", rule, "status=\"400\""))
          .isEqualTo(before.valueOrZero("lupa_refused_calls_total", rule, "status=\"400\"") + 1);
    } finally {
      engine.getIdentityService().deleteUser(guessed.getId());
    }
  }

  private ProcessInstance waitingForAmsReset() {
    ProcessInstance request = requests.waitingForVerifier(DemoPeople.ANI);
    Users.as(engine, DemoPeople.VERA.userId(), () -> engine.getTaskService().complete(
        requests.task(request, TASK_VERIFY_REQUEST).getId(),
        Map.of(VERIFICATION_DECISION, VerificationDecision.APPROVE.name(), IDENTITY_VERIFIED, true)));
    return request;
  }

  private Job job(ProcessInstance request, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(request.getId()).activityId(activityId)
        .singleResult();
  }

  /** The sandbox AMS's outage switch, as its outbox page sets it. */
  private void switchAms(String mode) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("mode", mode);
    http.postForEntity("/sandbox-ams/outage", form, String.class);
  }

  /** The counts that need the database are read again once their interval has passed. */
  private void awaitValue(String name, double expected, String... labels) {
    await().atMost(DATABASE_READ).untilAsserted(() -> assertThat(actuator.scrape().value(name, labels)).isEqualTo(expected));
  }
}
