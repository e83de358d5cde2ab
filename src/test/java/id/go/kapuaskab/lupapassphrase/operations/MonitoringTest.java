package id.go.kapuaskab.lupapassphrase.operations;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_RESET_PASSPHRASE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TIMER_SUBMIT_REQUEST_SLA;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.IDENTITY_VERIFIED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFICATION_DECISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.process.VerificationDecision;
import id.go.kapuaskab.lupapassphrase.support.PrometheusServer;
import id.go.kapuaskab.lupapassphrase.support.RequestFixtures;
import id.go.kapuaskab.lupapassphrase.support.Users;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules and the dashboard of docs/monitoring against the running application: promtool
 * checks the rules and the example configuration; a Prometheus of the test's own scrapes the node as
 * the operator every second and evaluates a copy of the rules every second (their "for" cut to a
 * second); every metric a rule or a panel names is scraped and every panel's query runs; and an alert
 * fires when its cause is made: the sandbox AMS switched to an outage, an SLA timer fired late.
 */
class MonitoringTest extends IntegrationTest {

  @RegisterExtension
  static final PrometheusServer PROMETHEUS = new PrometheusServer();

  private static final Path MONITORING = Path.of("docs", "monitoring");
  private static final Path RULES = MONITORING.resolve("lupa-passphrase-alerts.yaml");
  private static final Path DASHBOARD = MONITORING.resolve("lupa-passphrase-dashboard.json");
  private static final Path CONFIGURATION = MONITORING.resolve("prometheus.yml");
  private static final Duration ALERT_WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  private TestRestTemplate http;

  @BeforeEach
  void prometheusScrapesThisNode() throws IOException {
    if (!PROMETHEUS.running()) {
      String rules = Files.readString(RULES).replaceAll("(?m)^(\\s+for:) \\S+$", "$1 1s");
      PROMETHEUS.start("""
          global:
            scrape_interval: 1s
            evaluation_interval: 1s
          rule_files:
            - lupa-passphrase-alerts.yaml
          scrape_configs:
            - job_name: lupa-passphrase
              metrics_path: /actuator/prometheus
              basic_auth:
                username: %s
                password: %s
              static_configs:
                - targets: ['localhost:%d']
          """.formatted(Actuator.OPERATOR, Actuator.PASSWORD, port), Map.of("lupa-passphrase-alerts.yaml", rules));
    }
    // two scrapes at least, so a counter's increase from now on is seen
    await().atMost(Duration.ofSeconds(30)).until(() -> samples("up{job=\"lupa-passphrase\"} == 1") == 1
        && samples("count_over_time(up{job=\"lupa-passphrase\"}[1m]) >= 2") == 1);
  }

  @AfterEach
  void amsBack() {
    switchAms("NONE");
  }

  @Test
  void promtoolAcceptsTheRulesAndTheExampleConfiguration() throws IOException {
    PrometheusServer.Outcome rules = PROMETHEUS.promtool("check", "rules", RULES.toString());
    assertThat(rules.exitCode()).as(rules.output()).isZero();
    assertThat(rules.output()).contains("SUCCESS: 9 rules found");

    // the example's password file stands in a temporary folder; the rest as shipped
    Path folder = Files.createTempDirectory("prometheus-config");
    Files.writeString(folder.resolve("lupa-passphrase.password"), "secret\n");
    Files.copy(RULES, folder.resolve(RULES.getFileName()));
    Files.writeString(folder.resolve("prometheus.yml"), Files.readString(CONFIGURATION)
        .replace("/etc/prometheus/lupa-passphrase.password", folder.resolve("lupa-passphrase.password").toString()));
    PrometheusServer.Outcome configuration = PROMETHEUS.promtool("check", "config", folder.resolve("prometheus.yml").toString());
    assertThat(configuration.exitCode()).as(configuration.output()).isZero();
  }

  @Test
  void everyMetricARuleOrAPanelNamesIsScrapedAndEveryPanelsQueryRuns() throws IOException {
    // a refused call, so its counter exists (it is made with its first label values)
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    http.withBasicAuth(DemoPeople.ANI.userId(), "demo").exchange("/engine-rest/process-definition/key/" + PROCESS_KEY
        + "/start", HttpMethod.POST, new HttpEntity<>("null", json), String.class);

    List<String> expressions = new ArrayList<>(ruleExpressions());
    List<String> panels = panelExpressions();
    expressions.addAll(panels);
    Set<String> named = new TreeSet<>();
    expressions.forEach(expression -> named.addAll(metricNames(expression)));
    assertThat(named).contains("up", "lupa_requests_open", "lupa_ams_calls_seconds_count", "hikaricp_connections_pending");

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Set<String> scraped = new TreeSet<>();
      PROMETHEUS.api("/api/v1/label/__name__/values", Map.of()).path("data").forEach(name -> scraped.add(name.asText()));
      assertThat(scraped).containsAll(named);
    });
    for (String panel : panels) {
      JsonNode answer = PROMETHEUS.api("/api/v1/query", Map.of("query", panel));
      assertThat(answer.path("status").asText()).as(panel + ": " + answer).isEqualTo("success");
    }
  }

  @Test
  void anAmsOutageFiresLupaAmsFailing() {
    RequestFixtures requests = new RequestFixtures(engine);
    ProcessInstance request = requests.waitingForVerifier(DemoPeople.ANI);
    Users.as(engine, DemoPeople.VERA.userId(), () -> engine.getTaskService().complete(
        requests.task(request, TASK_VERIFY_REQUEST).getId(),
        Map.of(VERIFICATION_DECISION, VerificationDecision.APPROVE.name(), IDENTITY_VERIFIED, true)));
    Job reset = engine.getManagementService().createJobQuery().processInstanceId(request.getId())
        .activityId(TASK_RESET_PASSPHRASE).singleResult();
    assertThat(firing()).doesNotContain("LupaAmsFailing");

    switchAms("DOWN");
    assertThatThrownBy(() -> engine.getManagementService().executeJob(reset.getId()));

    await().atMost(ALERT_WAIT).untilAsserted(() -> assertThat(firing()).contains("LupaAmsFailing"));

    // AMS is back: the retry goes through, and the health of AMS with it
    switchAms("NONE");
    engine.getManagementService().executeJob(reset.getId());
    engine.getRuntimeService().deleteProcessInstance(request.getId(), "test ended");
  }

  @Test
  void aLateSlaTimerFiresLupaTimersLate() {
    ProcessInstance request = new RequestFixtures(engine).opened(DemoPeople.ANI);
    Job sla = engine.getManagementService().createJobQuery().processInstanceId(request.getId())
        .activityId(TIMER_SUBMIT_REQUEST_SLA).singleResult();
    assertThat(firing()).doesNotContain("LupaTimersLate");

    // the job executor takes it five seconds after it fell due
    ClockUtil.setCurrentTime(Date.from(sla.getDuedate().toInstant().plusSeconds(5)));
    engine.getManagementService().executeJob(sla.getId());

    await().atMost(ALERT_WAIT).untilAsserted(() -> assertThat(firing()).contains("LupaTimersLate"));
    engine.getRuntimeService().deleteProcessInstance(request.getId(), "test ended");
  }

  /** The names of the alerts firing now. */
  private static List<String> firing() {
    return StreamSupport.stream(PROMETHEUS.api("/api/v1/alerts", Map.of()).at("/data/alerts").spliterator(), false)
        .filter(alert -> "firing".equals(alert.path("state").asText()))
        .map(alert -> alert.at("/labels/alertname").asText()).toList();
  }

  private static int samples(String query) {
    return PROMETHEUS.api("/api/v1/query", Map.of("query", query)).at("/data/result").size();
  }

  private void switchAms(String mode) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("mode", mode);
    http.postForEntity("/sandbox-ams/outage", form, String.class);
  }

  @SuppressWarnings("unchecked")
  private static List<String> ruleExpressions() throws IOException {
    Map<String, Object> file = new Yaml().load(Files.readString(RULES));
    List<String> expressions = new ArrayList<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        expressions.add((String) rule.get("expr"));
      }
    }
    return expressions;
  }

  private static List<String> panelExpressions() throws IOException {
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : JSON.readTree(DASHBOARD.toFile()).path("panels")) {
      panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
    }
    assertThat(expressions).isNotEmpty();
    return expressions;
  }

  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern BRACED = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
  private static final Pattern LABEL_LIST = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern NAME = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool", "inf", "nan");

  /** The metric names a PromQL expression reads: what is left once strings, label matchers, ranges and label lists are gone. */
  static Set<String> metricNames(String expression) {
    String bare = LABEL_LIST.matcher(BRACED.matcher(QUOTED.matcher(expression).replaceAll("\"\"")).replaceAll(" "))
        .replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher name = NAME.matcher(bare);
    while (name.find()) {
      if (!KEYWORDS.contains(name.group(1).toLowerCase())) {
        names.add(name.group(1));
      }
    }
    return names;
  }
}
