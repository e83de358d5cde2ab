package id.go.kapuaskab.lupapassphrase.operations;

import static id.go.kapuaskab.lupapassphrase.operations.Actuator.OPERATOR;
import static id.go.kapuaskab.lupapassphrase.operations.Actuator.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.cluster.NodeName;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who reads what of the actuator, over HTTP: the health endpoint and its groups tell everyone UP or
 * DOWN and nothing else; the metrics and the health components are the operator's (group operator),
 * everyone else gets 401, or 404 once logged in.
 */
class OperatorAccessTest extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  private NodeName node;

  @Test
  void healthTellsEveryoneElseUpOrDownAndNothingMore() {
    Actuator actuator = new Actuator(port);
    for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
      assertThat(actuator.get(path).body()).as(path).isEqualTo("{\"status\":\"UP\"}");
      // a user of the office is no operator
      assertThat(actuator.get(path, DemoPeople.HENDRA.userId(), PASSWORD).body()).as(path).isEqualTo("{\"status\":\"UP\"}");
    }
    // a wrong password is refused, not answered as if anonymous (from an address of its own, for the login limit)
    assertThat(Actuator.from(port, "198.51.100.41").get("/actuator/health", "penyusup", "salah").statusCode())
        .isEqualTo(401);
  }

  @Test
  void theOperatorSeesTheGroupsTheComponentsAndWhatIsWrong() throws Exception {
    Actuator actuator = new Actuator(port);

    JsonNode health = JSON.readTree(actuator.get("/actuator/health", OPERATOR, PASSWORD).body());
    assertThat(health.path("groups")).extracting(JsonNode::asText).containsExactly("liveness", "readiness");
    assertThat(health.path("components").fieldNames()).toIterable()
        .contains("db", "jobExecutor", "ams", "processEngine", "livenessState", "readinessState");
    assertThat(health.at("/components/ams/details/reachable").asBoolean()).isTrue();
    // the shared test context runs jobs by hand: its job executor is off, which is no fault
    assertThat(health.at("/components/jobExecutor/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/jobExecutor/details/active").asBoolean()).isFalse();

    JsonNode liveness = JSON.readTree(actuator.get("/actuator/health/liveness", OPERATOR, PASSWORD).body());
    assertThat(liveness.path("components").fieldNames()).toIterable().containsExactlyInAnyOrder("livenessState", "jobExecutor");
    JsonNode readiness = JSON.readTree(actuator.get("/actuator/health/readiness", OPERATOR, PASSWORD).body());
    assertThat(readiness.path("components").fieldNames()).toIterable().containsExactlyInAnyOrder("readinessState", "db");
  }

  @Test
  void theMetricsAreTheOperatorsOnly() {
    Actuator actuator = new Actuator(port);

    HttpResponse<String> anonymous = actuator.get("/actuator/prometheus");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"lupa-passphrase\"");
    assertThat(anonymous.body()).contains("hanya untuk operator").doesNotContain("lupa_");
    assertThat(Actuator.from(port, "198.51.100.42").get("/actuator/prometheus", "penyusup", "salah").statusCode())
        .isEqualTo(401);
    for (String user : List.of(DemoPeople.VERA.userId(), DemoPeople.RINA.userId(), DemoPeople.ADMIN.userId())) {
      HttpResponse<String> logged = actuator.get("/actuator/prometheus", user, PASSWORD);
      assertThat(logged.statusCode()).as(user).isEqualTo(404);
      assertThat(logged.body()).as(user).doesNotContain("lupa_");
    }

    HttpResponse<String> operator = actuator.get("/actuator/prometheus", OPERATOR, PASSWORD);
    assertThat(operator.statusCode()).isEqualTo(200);
    assertThat(operator.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    // every series names the node that reports it
    assertThat(operator.body()).contains("lupa_requests_open{node=\"" + node.value() + "\",step=\"1\"}");
    // the rest of the actuator stays off
    for (String closed : List.of("/actuator", "/actuator/metrics", "/actuator/env")) {
      assertThat(actuator.get(closed, OPERATOR, PASSWORD).statusCode()).as(closed).isEqualTo(404);
    }
  }
}
