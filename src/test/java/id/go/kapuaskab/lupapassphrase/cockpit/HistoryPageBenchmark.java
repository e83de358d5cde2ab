package id.go.kapuaskab.lupapassphrase.cockpit;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import id.go.kapuaskab.lupapassphrase.support.Browserless;
import id.go.kapuaskab.lupapassphrase.support.Chromium;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long the "Riwayat SOP" page takes to load with 1,000 finished requests in the database. It
 * prints the figures and asserts nothing about them. Not part of the test suite (a benchmark, and it
 * fills the database): run it alone, in its own JVM and in-memory database, with
 * <pre>./mvnw test-compile surefire:test@default-test -Dtest=HistoryPageBenchmark</pre>
 * The figures are also written to target/benchmark-history-page.txt.
 */
@Tag(Chromium.TAG)
class HistoryPageBenchmark extends IntegrationTest {

  @RegisterExtension
  // tall enough for a whole request page: Cockpit scrolls its content inside a fixed frame
  static final Chromium CHROMIUM = new Chromium(1400, 2400);

  private static final int REQUESTS = 1000;
  private static final int ROUNDS = 5;
  private static final String API = "/camunda/api/cockpit/plugin/riwayat-sop/default";

  @Test
  void historyPageWithAThousandFinishedRequests() throws IOException {
    long fillStarted = System.nanoTime();
    Instant start = Instant.parse("2032-01-05T01:00:00Z");
    for (int i = 0; i < REQUESTS; i++) {
      finishedRequest(i, start.plus(ofMinutes(30L * i)));
    }
    ClockUtil.reset();
    Duration fill = Duration.ofNanos(System.nanoTime() - fillStarted);

    Browserless rina = new Browserless(port);
    rina.login("cockpit", "rina", "demo");
    String list = median(() -> rina.get(API + "/requests?maxResults=20"));
    String summary = median(() -> rina.get(API + "/summary"));
    String csv = median(() -> rina.get(API + "/export.csv"));
    assertThat(rina.get(API + "/summary").body()).contains("\"requests\":" + REQUESTS);

    List<String> report = new ArrayList<>(List.of(
        "History page benchmark: " + REQUESTS + " finished requests (" + fill.toSeconds() + " s to create them)",
        "  API, first page of the list (20 rows): " + list,
        "  API, compliance summary over all requests: " + summary,
        "  API, CSV of all requests: " + csv));
    report.add("  Page in Chromium, from the click on 'Riwayat SOP' to list and summary shown: " + pageInBrowser());
    report.forEach(System.out::println);
    Files.write(Path.of("target", "benchmark-history-page.txt"), report);
  }

  private void finishedRequest(int i, Instant openedAt) {
    DemoPerson applicant = i % 2 == 0 ? DemoPeople.ANI : DemoPeople.BUDI;
    SopRun.openedAt(engine, ams, applicant, openedAt).asInAPlausibleMonth(i);
  }

  /** The median of ROUNDS timed calls after one warm-up call. */
  private static String median(Supplier<HttpResponse<String>> call) {
    assertThat(call.get().statusCode()).isEqualTo(200);
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      long started = System.nanoTime();
      assertThat(call.get().statusCode()).isEqualTo(200);
      millis.add((System.nanoTime() - started) / 1_000_000);
    }
    return medianOf(millis);
  }

  private String pageInBrowser() {
    ChromeDriver browser = CHROMIUM.driver();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys("rina");
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i <= ROUNDS; i++) {
      wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Processes"))).click();
      wait.until(ExpectedConditions.urlContains("#/processes"));
      long started = System.nanoTime();
      browser.findElement(By.linkText("Riwayat SOP")).click();
      wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-request]"), 20));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.rsop-csv")));
      if (i > 0) {
        millis.add((System.nanoTime() - started) / 1_000_000);
      }
    }
    return medianOf(millis);
  }

  private static String medianOf(List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    return "median " + sorted.get(sorted.size() / 2) + " ms (" + sorted.size() + " rounds: " + millis + " ms)";
  }
}
