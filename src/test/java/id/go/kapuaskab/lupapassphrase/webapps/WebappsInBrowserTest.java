package id.go.kapuaskab.lupapassphrase.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.Chromium;
import id.go.kapuaskab.lupapassphrase.support.IndonesianUi;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;

/**
 * The webapps the SOP's tests do not walk through, in Chromium set to English: the login page the
 * server's address leads to, the welcome page and Admin, in Indonesian under the office's name.
 * (Tasklist: SopInBrowserTest; Cockpit: SopHistoryBrowserTest.) Screenshots go to target/screenshots/.
 */
@Tag(Chromium.TAG)
class WebappsInBrowserTest extends IntegrationTest {

  @RegisterExtension
  static final Chromium CHROMIUM = new Chromium();

  private static final By USERNAME = By.cssSelector("input[ng-model='username']");

  @Value("${lupa-passphrase.demo.password}")
  private String demoPassword;

  @Test
  void theLoginTheWelcomePageAndAdminSpeakIndonesianUnderTheOfficesName() {
    WebDriver browser = CHROMIUM.driver();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

    browser.get("http://localhost:" + port + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
    assertThat(browser.findElement(By.cssSelector(".form-signin")).getText())
        .contains(IndonesianUi.SERVICE, "Selamat Datang", "Masuk");
    IndonesianUi.assertIndonesian(browser, "welcome");
    CHROMIUM.screenshot("login-page");

    browser.findElement(USERNAME).sendKeys(DemoPeople.ADMIN.userId());
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(demoPassword);
    browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.webapps")));
    IndonesianUi.assertIndonesian(browser, "welcome");
    CHROMIUM.screenshot("welcome-page");

    browser.get("http://localhost:" + port + "/camunda/app/admin/default/#/users");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.cam-table tbody tr")));
    assertThat(browser.findElement(By.cssSelector("[cam-widget-header] .brand-name")).getText())
        .isEqualTo(IndonesianUi.SERVICE + " · Admin");
    IndonesianUi.assertIndonesian(browser, "admin");
    CHROMIUM.screenshot("admin-users");

    browser.get("http://localhost:" + port + "/camunda/app/admin/default/#/authorization?resource=0");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.cam-table tbody tr")));
    IndonesianUi.assertIndonesian(browser, "admin");
    CHROMIUM.screenshot("admin-authorizations");
  }
}
