package id.go.kapuaskab.lupapassphrase.security;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.Browserless;
import id.go.kapuaskab.lupapassphrase.support.EngineApi;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Answer;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Door;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The office's counts are for those who may read every request counted: applicants get 403 for the
 * process-definition statistics, per activity they count their own requests only; verifiers,
 * supervisors, auditors and the administrator count every request, at both doors of the engine's API
 * and in Cockpit's own statistics (its dashboard); the process owner, who reads no request, gets the
 * statistics with zeros, so Cockpit opens for them without an error and tells them nothing. Admin's
 * execution metrics are the administrator's.
 */
class OfficeWideCountsTest extends IntegrationTest {

  private static final String COCKPIT_STATISTICS = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
  private static final String ADMIN_METRICS = "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated"
      + "?subscriptionStartDate=2020-01-01T00:00:00.000%2B0000&groupBy=month";
  private static final List<String> READERS = List.of("vera", "hendra", "rina", "admin");
  private static final List<String> APPLICANTS = List.of("ani", "budi");

  @ParameterizedTest
  @EnumSource(Door.class)
  void theOfficesCountsAreForThoseWhoReadEveryRequest(Door door) {
    Map<String, EngineApi> callers = new HashMap<>();
    for (String user : READERS) {
      callers.put(user, door.as(port, user));
    }
    for (String user : APPLICANTS) {
      callers.put(user, door.as(port, user));
    }
    Map<String, Integer> requestsBefore = READERS.stream().collect(Collectors.toMap(Function.identity(),
        user -> requests(callers.get(user))));
    Map<String, Map<String, Integer>> stepsBefore = callers.keySet().stream().collect(Collectors.toMap(Function.identity(),
        user -> steps(callers.get(user))));

    SopRun.openedAt(engine, ams, DemoPeople.BUDI, Instant.now());

    for (String user : APPLICANTS) {
      EngineApi applicant = callers.get(user);
      for (String statistics : List.of("/process-definition/statistics", "/process-definition/statistics?rootIncidents=true")) {
        Answer refused = applicant.call("GET", statistics, null);
        assertThat(refused.status()).as(user + " " + statistics).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).startsWith("Statistik seluruh permohonan");
      }
    }
    // the process owner reads no request: the definitions they read, each counting none
    for (String statistics : List.of("/process-definition/statistics?failedJobs=true&incidents=true",
        "/process-definition/statistics?rootIncidents=true")) {
      Answer zeros = door.as(port, "putu").call("GET", statistics, null);
      assertThat(zeros.status()).as(zeros.body()).isEqualTo(200);
      assertThat(zeros.json()).isNotEmpty().allSatisfy(definition -> {
        assertThat(definition.get("definition").get("key").asText()).isEqualTo(PROCESS_KEY);
        assertThat(definition.get("instances").asInt()).isZero();
        assertThat(definition.get("failedJobs").asInt()).isZero();
        assertThat(definition.get("incidents")).isEmpty();
      });
    }
    // per step, the engine counts what the caller may read: Ani's numbers ignore Budi's new request
    assertThat(steps(callers.get("ani"))).isEqualTo(stepsBefore.get("ani"));
    assertThat(steps(callers.get("budi")).get(TASK_SUBMIT_REQUEST))
        .isEqualTo(stepsBefore.get("budi").getOrDefault(TASK_SUBMIT_REQUEST, 0) + 1);
    for (String user : READERS) {
      assertThat(requests(callers.get(user))).as(user).isEqualTo(requestsBefore.get(user) + 1);
      assertThat(steps(callers.get(user)).get(TASK_SUBMIT_REQUEST)).as(user)
          .isEqualTo(stepsBefore.get(user).getOrDefault(TASK_SUBMIT_REQUEST, 0) + 1);
    }
  }

  @Test
  void cockpitsOwnStatisticsCountForReadersAndAdminsMetricsForTheAdministrator() throws Exception {
    Map<String, Browserless> sessions = new HashMap<>();
    for (String user : List.of("ani", "budi", "vera", "hendra", "rina", "putu", "admin")) {
      sessions.put(user, loggedIn(user));
    }
    Map<String, Integer> before = new HashMap<>();
    for (String user : READERS) {
      before.put(user, cockpitRequests(sessions.get(user)));
    }

    SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.now());

    for (String user : APPLICANTS) {
      for (String path : List.of(COCKPIT_STATISTICS, COCKPIT_STATISTICS + "-count")) {
        HttpResponse<String> refused = sessions.get(user).get(path);
        assertThat(refused.statusCode()).as(user + " " + path).isEqualTo(403);
        assertThat(EngineApi.JSON.readTree(refused.body()).get("message").asText()).startsWith("Statistik seluruh permohonan");
      }
    }
    for (String user : READERS) {
      assertThat(cockpitRequests(sessions.get(user))).as(user).isEqualTo(before.get(user) + 1);
      assertThat(sessions.get(user).get(COCKPIT_STATISTICS + "-count").statusCode()).as(user).isEqualTo(200);
    }
    // the process owner's dashboard: the SOP, with no request counted
    assertThat(cockpitRequests(sessions.get("putu"))).isZero();
    HttpResponse<String> definitions = sessions.get("putu").get(COCKPIT_STATISTICS);
    assertThat(EngineApi.JSON.readTree(definitions.body())).isNotEmpty().allSatisfy(definition -> {
      assertThat(definition.get("key").asText()).isEqualTo(PROCESS_KEY);
      assertThat(definition.get("incidents").asInt()).isZero();
    });
    assertThat(sessions.get("putu").get(COCKPIT_STATISTICS + "-count").statusCode()).isEqualTo(200);
    for (String user : List.of("ani", "budi", "vera", "hendra", "rina", "putu")) {
      HttpResponse<String> refused = sessions.get(user).get(ADMIN_METRICS);
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(refused.body()).contains("hanya untuk administrator");
    }
    assertThat(sessions.get("admin").get(ADMIN_METRICS).statusCode()).isEqualTo(200);
  }

  /** How many running requests the process-definition statistics count. */
  private static int requests(EngineApi caller) {
    Answer answer = caller.call("GET", "/process-definition/statistics", null);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    int requests = 0;
    for (JsonNode definition : answer.json()) {
      if (definition.get("definition").get("key").asText().equals(PROCESS_KEY)) {
        requests += definition.get("instances").asInt();
      }
    }
    return requests;
  }

  /** The latest version's statistics per step: how many requests wait in each. */
  private static Map<String, Integer> steps(EngineApi caller) {
    Answer answer = caller.call("GET", "/process-definition/key/" + PROCESS_KEY + "/statistics", null);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    Map<String, Integer> steps = new HashMap<>();
    answer.json().forEach(activity -> steps.put(activity.get("id").asText(), activity.get("instances").asInt()));
    return steps;
  }

  private static int cockpitRequests(Browserless session) throws Exception {
    HttpResponse<String> answer = session.get(COCKPIT_STATISTICS);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    int requests = 0;
    for (JsonNode definition : EngineApi.JSON.readTree(answer.body())) {
      if (definition.get("key").asText().equals(PROCESS_KEY)) {
        requests += definition.get("instances").asInt();
      }
    }
    return requests;
  }

  /** A session of the app the user works in: Cockpit for supervisors, auditors and the process owner, else Tasklist. */
  private Browserless loggedIn(String user) {
    Browserless browser = new Browserless(port);
    String app = List.of("hendra", "rina", "putu").contains(user) ? "cockpit" : "tasklist";
    assertThat(browser.login(app, user, "demo").statusCode()).isEqualTo(200);
    browser.get("/camunda/api/admin/auth/user/default");
    return browser;
  }
}
