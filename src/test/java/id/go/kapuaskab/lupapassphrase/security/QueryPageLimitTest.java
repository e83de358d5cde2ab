package id.go.kapuaskab.lupapassphrase.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.process.ProcessIds;
import id.go.kapuaskab.lupapassphrase.support.Browserless;
import id.go.kapuaskab.lupapassphrase.support.EngineApi;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Answer;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Door;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import id.go.kapuaskab.lupapassphrase.tasklist.TasklistFilters;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every query a logged-in user makes names its page, of at most the engine's limit: one asking for
 * more, or for everything, is refused with 400 at both doors, while the pages the webapps ask for
 * (Tasklist's filters and tasks, Cockpit's dashboard, the SOP history and its CSV) still answer.
 */
class QueryPageLimitTest extends IntegrationTest {

  private static final Map<String, Object> TASKLIST_SORTING = Map.of(
      "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));

  @Value("${camunda.bpm.generic-properties.properties.query-max-results-limit}")
  private int limit;

  @ParameterizedTest
  @EnumSource(Door.class)
  void aQueryForMoreThanOnePageOrForEverythingIsRefused(Door door) {
    EngineApi vera = door.as(port, DemoPeople.VERA.userId());

    for (Answer refused : List.of(
        vera.call("GET", "/task?firstResult=0&maxResults=" + (limit + 1), null),
        vera.call("POST", "/task?firstResult=0&maxResults=" + (limit + 1), TASKLIST_SORTING),
        vera.call("GET", "/history/task?maxResults=1000000", null),
        vera.call("GET", "/process-instance?firstResult=2000&maxResults=100000", null))) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().get("message").asText()).isEqualTo("Max results limit of " + limit + " exceeded!");
    }
    for (Answer everything : List.of(vera.call("GET", "/task", null), vera.call("POST", "/task", TASKLIST_SORTING),
        vera.call("GET", "/history/process-instance", null))) {
      assertThat(everything.status()).as(everything.body()).isEqualTo(400);
      assertThat(everything.json().get("message").asText()).isEqualTo("An unbound number of results is forbidden!");
    }

    assertThat(vera.call("GET", "/task?firstResult=0&maxResults=" + limit, null).status()).isEqualTo(200);
    assertThat(vera.call("POST", "/task?firstResult=0&maxResults=15", TASKLIST_SORTING).status()).isEqualTo(200);
    assertThat(vera.call("GET", "/task/count", null).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void tasklistsFiltersAreReadPageByPage(Door door) {
    String request = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.now()).submitAfter(Duration.ZERO).id();
    EngineApi vera = door.as(port, DemoPeople.VERA.userId());
    String queue = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.VERIFIER_QUEUE)
        .singleResult().getId();

    // as Tasklist asks: its filters by pages of 2000, then a filter's tasks 15 at a time, newest first
    Answer filters = vera.call("GET", "/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=2000", null);
    assertThat(filters.status()).isEqualTo(200);
    assertThat(filters.body()).contains(queue);
    Answer tasks = vera.call("POST", "/filter/" + queue + "/list?firstResult=0&maxResults=15", TASKLIST_SORTING);
    assertThat(tasks.status()).isEqualTo(200);
    assertThat(tasks.body()).contains(request);

    assertThat(vera.call("POST", "/filter/" + queue + "/list", TASKLIST_SORTING).status()).isEqualTo(400);
    assertThat(vera.call("POST", "/filter/" + queue + "/list?firstResult=0&maxResults=" + (limit + 1), TASKLIST_SORTING)
        .status()).isEqualTo(400);
    assertThat(vera.call("GET", "/filter?resourceType=Task", null).status()).isEqualTo(400);
  }

  @Test
  void cockpitsDashboardAndTheSopHistoryStillAnswer() {
    SopRun.openedAt(engine, ams, DemoPeople.BUDI, Instant.now()).submitAfter(Duration.ZERO);
    for (String reader : List.of(DemoPeople.RINA.userId(), DemoPeople.HENDRA.userId())) {
      Browserless cockpit = new Browserless(port);
      assertThat(cockpit.login("cockpit", reader, "demo").statusCode()).isEqualTo(200);
      cockpit.get("/camunda/api/admin/auth/user/default");
      // the dashboard's charts: every process's statistics, asked for without a page (given one by the server)
      HttpResponse<String> charts = cockpit.get(
          "/camunda/api/cockpit/plugin/base/default/process-definition/statistics?rootIncidents=true");
      assertThat(charts.statusCode()).isEqualTo(200);
      assertThat(charts.body()).contains("\"key\":\"" + ProcessIds.PROCESS_KEY + "\"");
      assertThat(cockpit.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics?maxResults="
          + (limit + 1)).statusCode()).isEqualTo(400);
      for (String page : List.of(
          "/camunda/api/engine/engine/default/process-definition/statistics?rootIncidents=true",
          "/camunda/api/engine/engine/default/process-definition?latestVersion=true&firstResult=0&maxResults=50",
          // Riwayat SOP: a page of requests, the summary, the CSV, the SOP's whole record
          "/camunda/api/cockpit/plugin/riwayat-sop/default/requests?firstResult=0&maxResults=100",
          "/camunda/api/cockpit/plugin/riwayat-sop/default/summary",
          "/camunda/api/cockpit/plugin/riwayat-sop/default/export.csv")) {
        assertThat(cockpit.get(page).statusCode()).as(reader + " " + page).isEqualTo(200);
      }
    }
  }
}
