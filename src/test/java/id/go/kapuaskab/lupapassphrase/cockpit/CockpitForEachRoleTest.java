package id.go.kapuaskab.lupapassphrase.cockpit;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.Chromium;
import id.go.kapuaskab.lupapassphrase.support.IndonesianUi;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Cockpit as the head of division, the auditor and the process owner meet it, in a Chromium set to
 * English: every page they may open opens without an error, in Indonesian (the process owner's dashboard
 * and the SOP's page too, whose counts are zeros for them: security/OfficeWideCounts), and offers nothing the engine would refuse
 * them (cancel, suspend, variables, retries, deleting a deployment); the administrator, whom the
 * engine lets change these, still finds the controls. Screenshots go to target/screenshots/.
 */
@Tag(Chromium.TAG)
class CockpitForEachRoleTest extends IntegrationTest {

  @RegisterExtension
  static final Chromium CHROMIUM = new Chromium(1400, 1600);

  private static final String COCKPIT = "cockpit";

  @Test
  void eachRoleSeesItsPagesWithoutErrorsAndOnlyTheControlsTheServerAllowsIt() {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.now()).submitAfter(ofSeconds(30));
    ClockUtil.reset();
    String version = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("lupa-passphrase").latestVersion().singleResult().getId();
    Map<String, String> pages = Map.of(
        "dasbor", "#/dashboard",
        "proses", "#/processes",
        "versi-proses", "#/process-definition/" + version + "/runtime",
        "permohonan", "#/process-instance/" + run.id() + "/runtime",
        "tugas-pengguna", "#/tasks",
        "deployment", "#/repository");

    Map<String, List<String>> pagesOf = Map.of(
        "hendra", List.copyOf(pages.keySet()),
        "rina", List.copyOf(pages.keySet()),
        "putu", List.of("dasbor", "proses", "versi-proses", "deployment"));
    for (Map.Entry<String, List<String>> role : pagesOf.entrySet()) {
      String user = role.getKey();
      ChromeDriver browser = logIn(user);
      for (Map.Entry<String, String> page : pages.entrySet().stream().filter(page -> role.getValue().contains(page.getKey())).toList()) {
        open(browser, page.getValue());
        assertThat(visible(browser, ".notifications .alert-danger")).extracting(WebElement::getText)
            .as("%s on %s", user, page.getKey()).isEmpty();
        assertThat(visible(browser, ".ctn-toolbar a, [cam-widget-variables-table] .actions, .deployment .actions a"))
            .as("controls offered to %s on %s", user, page.getKey()).isEmpty();
        IndonesianUi.assertIndonesian(browser, COCKPIT);
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Actions", "Runtime", "null");
        CHROMIUM.screenshot(user + "-" + page.getKey());
      }
    }

    ChromeDriver browser = logIn("admin");
    open(browser, pages.get("permohonan"));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> !visible(driver, ".ctn-toolbar a").isEmpty());
    assertThat(visible(browser, "[cam-widget-variables-table] thead .actions")).isNotEmpty();
    CHROMIUM.screenshot("admin-permohonan");
  }

  private ChromeDriver logIn(String user) {
    ChromeDriver browser = CHROMIUM.driver();
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Riwayat SOP")));
    return browser;
  }

  /** Opens the page and waits until Cockpit has drawn it and its requests have answered. */
  private void open(ChromeDriver browser, String route) {
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/" + route);
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> ((Boolean) browser.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const injector = window.angular && window.angular.element(document.body).injector();
        if (!injector) { done(false); return; }
        const http = injector.get('$http');
        setTimeout(() => done(http.pendingRequests.length === 0 && document.querySelector('.ctn-main, .page-wrap') !== null), 500);
        """)));
  }

  private static List<WebElement> visible(org.openqa.selenium.WebDriver browser, String selector) {
    return browser.findElements(By.cssSelector(selector)).stream().filter(WebElement::isDisplayed).toList();
  }
}
