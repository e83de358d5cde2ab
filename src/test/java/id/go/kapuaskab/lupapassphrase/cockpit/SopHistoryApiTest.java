package id.go.kapuaskab.lupapassphrase.cockpit;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.audit.ComplianceCsv;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import id.go.kapuaskab.lupapassphrase.support.Browserless;
import id.go.kapuaskab.lupapassphrase.support.EngineApi;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The history pages' API over HTTP, with the webapps' own session: the auditor reads everything and
 * can change nothing; an applicant's session reads nothing; without a session nothing answers.
 */
class SopHistoryApiTest extends IntegrationTest {

  private static final String API = "/camunda/api/cockpit/plugin/riwayat-sop/default";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void auditorReadsTheListTheRecordTheSummaryAndTheCsv() throws Exception {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.parse("2031-05-20T02:00:00Z"))
        .submitAfter(ofMinutes(3));
    Browserless rina = loggedIn("cockpit", "rina");

    HttpResponse<String> list = rina.get(API + "/requests?businessKey=" + run.businessKey());
    assertThat(list.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode page = json(list);
    assertThat(page.get("total").asInt()).isEqualTo(1);
    JsonNode row = page.get("rows").get(0);
    assertThat(row.get("applicant").asText()).isEqualTo("ani");
    assertThat(row.get("outcome").asText()).isEqualTo("BERJALAN");
    assertThat(row.get("start").asText()).isEqualTo("2031-05-20T02:00:00Z");
    assertThat(row.get("breaches").asInt()).isEqualTo(1);

    JsonNode record = json(rina.get(API + "/requests/" + run.id()));
    assertThat(record.get("steps").get(0).get("verdict").asText()).isEqualTo("MELEBIHI");
    assertThat(record.get("steps").get(0).get("breaches").get(0).get("dueAt").asText()).isEqualTo("2031-05-20T02:02:00Z");

    JsonNode summary = json(rina.get(API + "/summary?from=2031-05-20&to=2031-05-20"));
    assertThat(summary.get("byOutcome").get("BERJALAN").asInt()).isEqualTo(1);

    HttpResponse<String> csv = rina.get(API + "/export.csv?from=2031-05-20&to=2031-05-20");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"riwayat-sop_2031-05-20_2031-05-20.csv\"");
    assertThat(csv.body().lines()).hasSize(3).element(1).asString().startsWith(run.businessKey() + ",ani,Ani Lestari,");
    assertThat(csv.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(csv.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void aNameWrittenAsAFormulaStaysTextInTheAuditorsSpreadsheet() throws Exception {
    // Ani's own request, under a name that Excel in an Indonesian locale would split on ";" into a formula
    DemoPerson formula = new DemoPerson("ani", "Budi;=cmd|' /C calc'!A0;x", "Lestari", DemoPeople.ANI.email(),
        DemoPeople.ANI.groups(), DemoPeople.ANI.nik(), DemoPeople.ANI.nip(), DemoPeople.ANI.certificate(),
        DemoPeople.ANI.validFrom());
    SopRun run = SopRun.openedAt(engine, ams, formula, Instant.parse("2031-05-24T02:00:00Z")).submitAfter(ofMinutes(1));
    Browserless rina = loggedIn("cockpit", "rina");

    HttpResponse<String> csv = rina.get(API + "/export.csv?from=2031-05-24&to=2031-05-24");

    assertThat(csv.statusCode()).isEqualTo(200);
    String file = csv.body().substring(1);
    assertThat(file).doesNotContain(";=").contains("Budi;'=cmd|' /C calc'!A0;x Lestari");
    assertThat(file.split("[;,\\r\\n]")).noneMatch(cell -> cell.matches("^[\\s\"]*[=+\\-@].*"));
    CSVParser parsed = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(file));
    List<CSVRecord> rows = parsed.getRecords();
    assertThat(parsed.getHeaderNames()).isEqualTo(ComplianceCsv.HEADER);
    int version = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(run.id())
        .singleResult().getProcessDefinitionVersion();
    assertThat(rows).hasSize(2).allSatisfy(row -> {
      assertThat(row.get("nomor_permohonan")).isEqualTo(run.businessKey());
      assertThat(row.get("nama_pemohon")).isEqualTo("Budi;'=cmd|' /C calc'!A0;x Lestari");
      assertThat(row.get("versi_sop")).isEqualTo(String.valueOf(version));
    });
  }

  @Test
  void auditorCanChangeNothing() {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.BUDI, Instant.parse("2031-05-21T02:00:00Z"));
    Browserless rina = loggedIn("cockpit", "rina");

    assertThat(rina.postJson(API + "/requests", "{}", true).statusCode()).isEqualTo(405);
    HttpResponse<String> delete = rina.postJson("/camunda/api/engine/engine/default/process-instance/delete",
        "{\"processInstanceIds\":[\"" + run.id() + "\"],\"deleteReason\":\"x\"}", true);
    assertThat(delete.statusCode()).isEqualTo(403);
    HttpResponse<String> variables = rina.postJson("/camunda/api/engine/engine/default/process-instance/" + run.id()
        + "/variables", "{\"modifications\":{\"agency\":{\"value\":\"x\"}}}", true);
    assertThat(variables.statusCode()).isEqualTo(403);
  }

  @Test
  void theChartsCountWhatTheSummaryCountsPeriodByPeriod() throws Exception {
    // two requests in one week of March (one late in step 1), none in the next, one in April (WIB)
    SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.parse("2043-03-03T02:00:00Z")).submitAfter(ofMinutes(3));
    SopRun.openedAt(engine, ams, DemoPeople.BUDI, Instant.parse("2043-03-05T02:00:00Z")).submitAfter(ofMinutes(1));
    SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.parse("2043-04-01T02:00:00Z")).withdrawAfter(ofMinutes(1));
    Browserless rina = loggedIn("cockpit", "rina");
    String period = "from=2043-03-01&to=2043-04-30";

    JsonNode months = json(rina.get(API + "/trend?" + period));
    assertThat(months.get("unit").asText()).isEqualTo("MONTH");
    assertThat(months.get("periods")).extracting(month -> month.get("start").asText()).containsExactly("2043-03-01", "2043-04-01");
    JsonNode march = months.get("periods").get(0).get("summary");
    assertThat(march.get("requests").asInt()).isEqualTo(2);
    JsonNode stepOne = march.get("steps").get(0);
    assertThat(stepOne.get("judged").asInt()).isEqualTo(2);
    assertThat(stepOne.get("withinStandard").asInt()).isEqualTo(1);
    assertThat(months.get("periods").get(1).get("summary").get("byOutcome").get("DIBATALKAN").asInt()).isEqualTo(1);
    // the periods add up to the summary of the whole filter
    JsonNode whole = json(rina.get(API + "/summary?" + period));
    assertThat(march.get("requests").asInt() + months.get("periods").get(1).get("summary").get("requests").asInt())
        .isEqualTo(whole.get("requests").asInt());

    JsonNode weeks = json(rina.get(API + "/trend?unit=minggu&" + period));
    // Monday to Sunday; the empty weeks between are listed
    assertThat(weeks.get("periods")).extracting(week -> week.get("start").asText())
        .containsExactly("2043-03-02", "2043-03-09", "2043-03-16", "2043-03-23", "2043-03-30");
    assertThat(weeks.get("periods").get(1).get("summary").get("requests").asInt()).isZero();

    assertThat(rina.get(API + "/trend?unit=tahun").statusCode()).isEqualTo(400);
    // more weeks than a chart can show: months are the answer
    SopRun.openedAt(engine, ams, DemoPeople.BUDI, Instant.parse("2045-12-05T02:00:00Z"));
    HttpResponse<String> tooMany = rina.get(API + "/trend?unit=minggu&from=2043-03-01&to=2045-12-31");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("Lebih dari 120 periode untuk satu grafik");
    assertThat(json(rina.get(API + "/trend?from=2043-03-01&to=2045-12-31")).get("periods")).hasSize(34);
    Browserless ani = loggedIn("tasklist", "ani");
    assertThat(json(ani.get(API + "/trend?" + period)).get("periods")).isEmpty();
  }

  @Test
  void anApplicantsSessionReadsNothingAndNoSessionNothingAtAll() throws Exception {
    SopRun own = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.parse("2031-05-22T02:00:00Z"));
    // applicants have no Cockpit; a Tasklist session is what an applicant could try the API with
    Browserless ani = loggedIn("tasklist", "ani");

    assertThat(json(ani.get(API + "/requests")).get("total").asInt()).isZero();
    assertThat(ani.get(API + "/requests/" + own.id()).statusCode()).isEqualTo(404);
    assertThat(json(ani.get(API + "/summary")).get("requests").asInt()).isZero();
    assertThat(ani.get(API + "/export.csv").body().lines()).hasSize(1);

    Browserless anonymous = new Browserless(port);
    for (String path : new String[] {"/requests", "/requests/" + own.id(), "/summary", "/trend", "/export.csv"}) {
      assertThat(anonymous.get(API + path).statusCode()).as(path).isEqualTo(401);
    }
  }

  @Test
  void aRecordChangedByHandShowsAsSuchAndEverythingElseReadsOn() throws Exception {
    SopRun changed = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.parse("2031-05-23T02:00:00Z"))
        .submitAfter(ofMinutes(3));
    SopRun untouched = SopRun.openedAt(engine, ams, DemoPeople.BUDI, Instant.parse("2031-05-23T03:00:00Z"))
        .submitAfter(ofMinutes(1));
    // what only an administrator can still do: variables of any name and type on the request
    EngineApi admin = EngineApi.basic(port, "admin");
    String variables = "/process-instance/" + changed.id() + "/variables/";
    assertThat(admin.call("PUT", variables + "slaTask", Map.of("value", 2, "type", "Integer")).status()).isEqualTo(204);
    assertThat(admin.call("PUT", variables + "slaDueAt", Map.of("value", "kemarin", "type", "String")).status()).isEqualTo(204);
    assertThat(admin.call("PUT", variables + "applicantName", Map.of("value", 42, "type", "Integer")).status())
        .isEqualTo(204);
    Browserless rina = loggedIn("cockpit", "rina");

    JsonNode rows = json(rina.get(API + "/requests?from=2031-05-23&to=2031-05-23")).get("rows");
    assertThat(rows).hasSize(2);
    JsonNode changedRow = rows.get(1);
    assertThat(changedRow.get("id").asText()).isEqualTo(changed.id());
    assertThat(changedRow.get("breaches").asInt()).isEqualTo(1);
    assertThat(changedRow.get("problems")).extracting(JsonNode::asText)
        .anySatisfy(problem -> assertThat(problem).startsWith("applicantName:"))
        .anySatisfy(problem -> assertThat(problem).startsWith("slaTask:"));
    assertThat(rows.get(0).get("problems")).isEmpty();
    assertThat(json(rina.get(API + "/summary?from=2031-05-23&to=2031-05-23")).get("requests").asInt()).isEqualTo(2);
    // the header and steps 1 and 2 of each request
    assertThat(rina.get(API + "/export.csv?from=2031-05-23&to=2031-05-23").body().lines()).hasSize(5);
    JsonNode record = json(rina.get(API + "/requests/" + changed.id()));
    assertThat(record.get("problems").size()).isGreaterThanOrEqualTo(2);
    assertThat(record.get("steps").get(0).get("breaches")).hasSize(1);
    assertThat(json(rina.get(API + "/requests/" + untouched.id())).get("problems")).isEmpty();
  }

  @Test
  void aFilterThatMakesNoSenseIsRefused() {
    Browserless rina = loggedIn("cockpit", "rina");

    for (String query : new String[] {"from=kemarin", "from=2031-05-02&to=2031-05-01", "outcome=hilang",
        "breached=mungkin", "applicant=a%20b", "businessKey=LP%25", "maxResults=1000", "firstResult=-1"}) {
      assertThat(rina.get(API + "/requests?" + query).statusCode()).as(query).isEqualTo(400);
    }
  }

  private Browserless loggedIn(String app, String user) {
    Browserless browser = new Browserless(port);
    assertThat(browser.login(app, user, "demo").statusCode()).isEqualTo(200);
    // as the webapp does next: the session made at login gets its CSRF token with the first read
    browser.get("/camunda/api/admin/auth/user/default");
    return browser;
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
