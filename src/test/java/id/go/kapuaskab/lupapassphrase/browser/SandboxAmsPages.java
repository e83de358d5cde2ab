package id.go.kapuaskab.lupapassphrase.browser;

import id.go.kapuaskab.sandboxams.SandboxPaths;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The sandbox AMS's pages as the holder uses them: the outbox stands in for their mailbox, then AMS's reset page. */
final class SandboxAmsPages {

  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final WebDriver driver;
  private final String root;
  private final WebDriverWait wait;

  SandboxAmsPages(WebDriver driver, int port) {
    this.driver = driver;
    this.root = "http://localhost:" + port;
    this.wait = new WebDriverWait(driver, PATIENCE);
  }

  void openOutbox() {
    driver.get(root + SandboxPaths.OUTBOX);
  }

  /** Follows the link of the newest reset mail addressed to the holder (the outbox lists the newest first). */
  void followNewestResetLink(String holderName) {
    driver.findElement(By.xpath("(//tr[td/pre[contains(., 'Yth. " + holderName + ",')]])[1]//a")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passphrase")));
  }

  /** Types the new passphrase twice, as AMS asks; the caller takes its screenshot before saving. */
  void typeNewPassphraseTwice(String passphrase) {
    driver.findElement(By.id("passphrase")).sendKeys(passphrase);
    driver.findElement(By.id("passphraseRepeated")).sendKeys(passphrase);
  }

  /** Saves the new passphrase; returns what the page then says. */
  String save() {
    driver.findElement(By.cssSelector("form button[type='submit']")).click();
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.done, p.problem"))).getText();
  }
}
