package id.go.kapuaskab.lupapassphrase.cockpit;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.notify.Wib;
import id.go.kapuaskab.lupapassphrase.support.Chromium;
import id.go.kapuaskab.lupapassphrase.support.IndonesianUi;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import id.go.kapuaskab.lupapassphrase.support.WebappLocales;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The auditor's way through the "Riwayat SOP" pages in a real Chromium: log into Cockpit, open the
 * history, open a finished request with a breach, see the breach in the timeline and on the diagram,
 * download the CSV; Cockpit around it in Indonesian for a browser set to English. Screenshots go to
 * target/screenshots/.
 */
@Tag(Chromium.TAG)
class SopHistoryBrowserTest extends IntegrationTest {

  @RegisterExtension
  // tall enough for a whole request page: Cockpit scrolls its content inside a fixed frame
  static final Chromium CHROMIUM = new Chromium(1400, 2400);

  private static final String COCKPIT = "cockpit";

  /** The day the requests are opened. */
  private static final LocalDate DAY = LocalDate.of(2026, 9, 8);

  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void browser() {
    browser = CHROMIUM.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @Test
  void auditorFindsTheBreachInAFinishedRequestAndDownloadsTheRecord() throws Exception {
    // within service hours (a Tuesday, 09.00 WIB), where the steps' service time and the wall clock agree
    Instant now = DAY.atTime(9, 0).atZone(Wib.ZONE).toInstant();
    SopRun late = SopRun.openedAt(engine, ams, DemoPeople.ANI, now)
        .submitAfter(ofSeconds(70))
        .approve(DemoPeople.VERA, ofMinutes(2), ofMinutes(5))
        .confirmLinkAfter(ofMinutes(3))
        .setNewPassphraseAfter(ofMinutes(6));
    SopRun.openedAt(engine, ams, DemoPeople.BUDI, now.plusSeconds(1))
        .submitAfter(ofSeconds(50), DemoPeople.CITRA_REVOKED)
        .approve(DemoPeople.VERA, ofMinutes(1), ofMinutes(2))
        .reviewRefusal(DemoPeople.VERA, ofMinutes(2), "Ajukan penerbitan sertifikat baru.");
    SopRun.openedAt(engine, ams, DemoPeople.BUDI, now.plusSeconds(2)).withdrawAfter(ofSeconds(40));
    SopRun.openedAt(engine, ams, DemoPeople.ANI, now.plusSeconds(3)).submitAfter(ofSeconds(90));
    ClockUtil.reset();
    String key = late.businessKey();

    logIntoCockpitAs("rina");
    // Cockpit's own pages and menus in Indonesian, for a browser set to English
    Map<String, String> indonesian = WebappLocales.labels(COCKPIT, "id");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        indonesian.get("DASHBOARD_RUNNING_PROCESS_INSTANCE")));
    assertThat(browser.findElement(By.cssSelector("[cam-widget-header]")).getText()).contains(IndonesianUi.SERVICE + " · Cockpit",
        indonesian.get("COCKPIT_PROCESSES"), indonesian.get("COCKPIT_DECISIONS"), indonesian.get("COCKPIT_HUMAN_TASKS"),
        indonesian.get("COCKPIT_MORE"), "Riwayat SOP");
    IndonesianUi.assertIndonesian(browser, COCKPIT);
    CHROMIUM.screenshot("cockpit-dasbor");
    browser.findElement(By.linkText("Riwayat SOP")).click();
    // a day that does not exist is refused at its field, in the order Indonesians write dates
    wait.until(ExpectedConditions.presenceOfElementLocated(By.name("from")));
    assertThat(browser.findElement(By.name("from")).getAttribute("placeholder")).isEqualTo("hh/bb/tttt");
    type("from", "31/02/2031");
    apply();
    assertThat(browser.findElement(By.cssSelector(".rsop-date .rsop-error")).getText())
        .isEqualTo("Tulis tanggal sebagai hh/bb/tttt, mis. 05/12/2026.");
    filter("from", DAY);
    filter("to", DAY);
    apply();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-request='" + key + "']")));
    waitForSummary();
    // which version each request ran on, and when and by whom each version was deployed
    WebElement version = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-version]")));
    assertThat(version.getText()).contains("aplikasi saat mulai", "berkas bpmn/ dan forms/ aplikasi", "WIB");
    assertThat(browser.findElement(By.cssSelector("tr[data-request='" + key + "']")).getText())
        .contains(key + " " + version.getAttribute("data-version") + " ");
    IndonesianUi.assertIndonesian(browser, COCKPIT);
    assertThat(browser.getTitle()).isEqualTo(IndonesianUi.SERVICE + " · Cockpit | Riwayat SOP");
    CHROMIUM.screenshot("riwayat-sop-daftar");

    // the request with the late verification, through the filters
    new Select(browser.findElement(By.name("outcome"))).selectByVisibleText("Diterbitkan");
    new Select(browser.findElement(By.name("breached"))).selectByVisibleText("Ya");
    browser.findElement(By.name("businessKey")).sendKeys(key);
    apply();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-request]"), 1));
    browser.findElement(By.linkText(key)).click();

    WebElement lateStep = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("section[data-request='" + key + "'] tr[data-step='2']")));
    assertThat(lateStep.getAttribute("class")).contains("rsop-over");
    assertThat(lateStep.getText()).contains("vera", "7 menit", "5 menit", "Melebihi waktu baku", "⚠ batas", "WIB");
    assertThat(browser.findElements(By.cssSelector("tr[data-step]"))).hasSize(4);
    assertThat(browser.findElement(By.tagName("section")).getText())
        .contains("Versi SOP", "Diterbitkan", "Disetujui", "Reset diterima AMS", "Menyelesaikan tugas", "Mengklaim tugas");
    // the diagram: the path drawn, the breach marked on step 2
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("[data-element-id='EndEvent_CertificateIssued'].rsop-passed")));
    // bpmn-js may redraw its overlays while the view settles, so the badge is looked up afresh until read
    String badge = wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      String text = driver.findElement(By.cssSelector(".rsop-badge-breach")).getText();
      return text.isEmpty() ? null : text;
    });
    assertThat(badge).isEqualTo("⚠ 1");
    CHROMIUM.screenshot("riwayat-sop-permohonan");

    // the request's page may still draw itself anew (its section with the link) after the badge is read
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      driver.findElement(By.linkText("« Kembali ke Riwayat SOP")).click();
      return true;
    });
    waitForSummary();
    WebElement stepTwo = browser.findElement(By.cssSelector("table[data-summary='steps'] tr[data-step='2']"));
    assertThat(stepTwo.getText()).contains("0% (0 dari 1)");
    // the charts, from the same requests as the table: one request this month, issued; step 2 late
    WebElement outcomes = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg[data-chart='outcomes']")));
    assertThat(outcomes.findElements(By.cssSelector("g[data-period] rect title")))
        .extracting(title -> title.getAttribute("textContent")).singleElement().asString().endsWith(": 1 diterbitkan");
    assertThat(browser.findElement(By.cssSelector("svg[data-chart='step-2'] rect title")).getAttribute("textContent"))
        .endsWith(": 0% (0 dari 1)");
    assertThat(browser.findElement(By.cssSelector("svg[data-chart='durations'] g[data-step='2']")).getAttribute("textContent"))
        .contains("9 dari 10 selesai dalam 7 menit", "Waktu baku 5 menit");
    IndonesianUi.assertIndonesian(browser, COCKPIT);
    CHROMIUM.screenshot("riwayat-sop-ringkasan");
    browser.findElement(By.cssSelector("a.rsop-csv")).click();

    List<CSVRecord> rows = downloadedCsv();
    assertThat(rows).extracting(row -> row.get("nomor_permohonan"), row -> row.get("langkah"),
            row -> row.get("dikerjakan_oleh"), row -> row.get("penilaian"), row -> row.get("pelanggaran"))
        .containsExactly(tuple(key, "1", "ani", "dalam waktu", "0"), tuple(key, "2", "vera", "melebihi", "1"),
            tuple(key, "3", "ani", "dalam waktu", "0"), tuple(key, "4", "ani", "dalam waktu", "0"));
    assertThat(rows.get(1).get("durasi_detik")).isEqualTo("420");
    assertThat(rows.get(1).get("hasil")).isEqualTo("diterbitkan");

    // a month picked sets both dates: this month's first and last day
    new Select(browser.findElement(By.name("month"))).selectByIndex(1);
    LocalDate today = LocalDate.now(Wib.ZONE);
    assertThat(browser.findElement(By.name("from")).getAttribute("value"))
        .isEqualTo(today.withDayOfMonth(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    assertThat(browser.findElement(By.name("to")).getAttribute("value"))
        .isEqualTo(today.withDayOfMonth(today.lengthOfMonth()).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    // the monthly report of the requests' month as printed: its summary and charts, without Cockpit or the list
    filter("from", DAY.withDayOfMonth(1));
    filter("to", DAY.withDayOfMonth(DAY.lengthOfMonth()));
    apply();
    waitForSummary();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg[data-chart='durations']")));
    String report = pdfText(CHROMIUM.print("laporan-kepatuhan-bulanan"));
    assertThat(report).contains("Laporan Kepatuhan SOP Lupa Passphrase", "Periode: 1 " , "Ringkasan kepatuhan",
        "Separuh selesai dalam", "Grafik kepatuhan", "Permohonan per periode", "Lama tiap langkah");
    assertThat(report).doesNotContain("Nomor permohonan", "Unduh CSV", "Terapkan", indonesian.get("COCKPIT_PROCESSES"));
  }

  private void logIntoCockpitAs(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Riwayat SOP")));
  }

  /** Types a day into a date field as Indonesians write it, whatever the browser's language. */
  private void filter(String name, LocalDate day) {
    type(name, day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
  }

  private void type(String name, String text) {
    WebElement field = browser.findElement(By.name(name));
    field.clear();
    field.sendKeys(text);
  }

  private void apply() {
    browser.findElement(By.xpath("//button[text()='Terapkan']")).click();
  }

  private void waitForSummary() {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.rsop-csv")));
  }

  private static String pdfText(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(document);
    }
  }

  private List<CSVRecord> downloadedCsv() throws IOException {
    Path csv = csvOfTheDay();
    wait.until(driver -> Files.exists(csv));
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      if (reader.read() != '\uFEFF') {
        throw new AssertionError("the CSV starts without the byte order mark Excel needs");
      }
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }
  }

  /** The file the browser saves for the day's filter. */
  private static Path csvOfTheDay() {
    return CHROMIUM.downloads().resolve("riwayat-sop_" + DAY + "_" + DAY + ".csv");
  }
}
