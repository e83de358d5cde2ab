package id.go.kapuaskab.lupapassphrase.benchmark;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.Browserless;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * How long the applicant's page and the data of Riwayat SOP's charts take with 1,000 finished
 * requests, as issue 21's report asks. This application (our settings, H2 file database) is filled
 * through the Java API on the engine's clock (SopRun: each request run as its people would, its
 * timers and AMS calls run as they fall due, so the job executor is off), every request opened by one
 * applicant, ani, so that her page reads as much as any applicant's can (it shows her newest 100).
 * Then each endpoint is called over HTTP with a webapp session, as the pages call it: after
 * {@value #WARM_UP} calls to warm up, {@value #CALLS} timed ones, one after the other. The goal is a
 * page that answers within a second (p95). It asserts only that the answers hold the requests.
 */
class ApplicantPageAndChartsBenchmark {

  private static final int REQUESTS = 1000;
  private static final int WARM_UP = 5;
  private static final int CALLS = 50;
  private static final String GOAL = "<= 1000";
  private static final String RIWAYAT_SOP = "/camunda/api/cockpit/plugin/riwayat-sop/default";
  /** A Monday, 08.00 WIB: the requests follow each other every half hour for about three weeks. */
  private static final Instant FIRST_OPENED = Instant.parse("2026-01-05T01:00:00Z");

  @Test
  void applicantPageAndChartsWithAThousandFinishedRequests() throws Exception {
    Path data = Path.of("target", "benchmark", "applicant-page-and-charts");
    FileSystemUtils.deleteRecursively(data);
    List<String> arguments = new ArrayList<>(BenchmarkSetup.OURS.arguments(data, 0));
    arguments.add("--camunda.bpm.job-execution.enabled=false");
    List<String> table;
    try (RunningApp app = RunningApp.startWith(arguments)) {
      long fillStarted = System.nanoTime();
      for (int i = 0; i < REQUESTS; i++) {
        finishedRequest(app, i, FIRST_OPENED.plus(ofMinutes(30L * i)));
      }
      ClockUtil.reset();
      Duration fill = Duration.ofNanos(System.nanoTime() - fillStarted);

      Browserless ani = new Browserless(app.port);
      ani.login("tasklist", DemoPeople.ANI.userId(), "demo");
      Browserless rina = new Browserless(app.port);
      rina.login("cockpit", DemoPeople.RINA.userId(), "demo");
      assertThat(ani.get("/api/permohonan-saya").body()).contains("\"number\":\"LP-");
      assertThat(rina.get(RIWAYAT_SOP + "/summary").body()).contains("\"requests\":" + REQUESTS);

      Stats myRequests = measure(() -> ani.get("/api/permohonan-saya"));
      Stats summary = measure(() -> rina.get(RIWAYAT_SOP + "/summary"));
      Stats byMonth = measure(() -> rina.get(RIWAYAT_SOP + "/trend?unit=bulan"));
      Stats byWeek = measure(() -> rina.get(RIWAYAT_SOP + "/trend?unit=minggu"));
      table = List.of(
          "Applicant page and charts benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
              + " cores, H2 file database, our settings; " + REQUESTS + " finished requests of one applicant ("
              + fill.toSeconds() + " s to create them), " + CALLS + " calls each over HTTP",
          String.format("%-56s %-10s %8s %8s", "Response time (ms)", "goal p95", "p50", "p95"),
          row("GET /api/permohonan-saya (ani: her newest 100)", myRequests),
          row("Riwayat SOP: compliance summary (all requests)", summary),
          row("Riwayat SOP: chart data by month (trend?unit=bulan)", byMonth),
          row("Riwayat SOP: chart data by week (trend?unit=minggu)", byWeek));
    }
    table.forEach(System.out::println);
    Files.write(Path.of("target", "benchmark", "applicant-page-and-charts-results.txt"), table);
  }

  private static void finishedRequest(RunningApp app, int i, Instant openedAt) {
    SopRun.openedAt(app.engine, app.ams, DemoPeople.ANI, openedAt).asInAPlausibleMonth(i);
  }

  /** The times of {@value #CALLS} calls, after {@value #WARM_UP} to warm up; each must answer 200. */
  private static Stats measure(Supplier<HttpResponse<String>> call) {
    for (int i = 0; i < WARM_UP; i++) {
      assertThat(call.get().statusCode()).isEqualTo(200);
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      long started = System.nanoTime();
      assertThat(call.get().statusCode()).isEqualTo(200);
      millis.add((System.nanoTime() - started) / 1e6);
    }
    return Stats.of(millis);
  }

  private static String row(String label, Stats stats) {
    return String.format("  %-54s %-10s %8s %8s", label, GOAL, Tables.format(stats.p50()), Tables.format(stats.p95()));
  }
}
