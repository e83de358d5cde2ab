package id.go.kapuaskab.lupapassphrase.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and its driver, headless, for the browser tests. Both are named by path, so
 * Selenium never tries to download a browser (the build machines have no open network). Where they
 * are missing the test is skipped, naming the packages; with CI_REQUIRE_TOOLS=1 (CI) it fails.
 */
public final class Chromium {

  public static final Path BROWSER = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final String MISSING = "Chromium not found (" + BROWSER + ", " + DRIVER
      + "): install the Debian packages 'chromium chromium-driver' (apt-get install chromium chromium-driver)";

  private Chromium() {
  }

  /** Skips the calling test, or fails it in CI, unless Chromium and its driver are installed. */
  public static void requireInstalled() {
    boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    if (!installed && "1".equals(System.getenv("CI_REQUIRE_TOOLS"))) {
      fail(MISSING);
    }
    Assumptions.assumeTrue(installed, MISSING);
  }

  /** A fresh headless browser with its own profile; files it downloads go to the given folder. */
  public static ChromeDriver start(Path downloads) {
    try {
      Files.createDirectories(downloads);
      ChromeOptions options = new ChromeOptions()
          .setBinary(BROWSER.toFile())
          .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
              "--window-size=1400,2400", "--lang=id-ID",
              "--user-data-dir=" + Files.createTempDirectory("chromium-profile"))
          .setExperimentalOption("prefs", Map.of(
              "download.default_directory", downloads.toAbsolutePath().toString(),
              "download.prompt_for_download", false));
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
      return driver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
