package id.go.kapuaskab.lupapassphrase.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, through Debian's chromedriver, for browser tests: a fresh browser
 * (own profile, own folders for uploads and downloads, its language English) for each test, and numbered screenshots
 * under target/screenshots/&lt;class&gt;/&lt;test&gt;/. Both programs are named by path, so Selenium Manager never
 * looks for (or downloads) a browser. Where they are missing the tests are skipped, saying which
 * packages to install; with CI_REQUIRE_TOOLS=1 (set by .ci/run) that is a failure instead.
 *
 * <pre>@RegisterExtension static final Chromium CHROMIUM = new Chromium();</pre>
 */
public final class Chromium implements ExecutionCondition, BeforeEachCallback, AfterTestExecutionCallback,
    AfterEachCallback {

  /** The JUnit tag of browser tests: {@code ./mvnw test -Dgroups=browser} runs only them. */
  public static final String TAG = "browser";

  private static final Path BROWSER = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final Path DOWNLOADS = Path.of("target/browser-downloads");
  private static final Path UPLOADS = Path.of("target/browser-uploads");
  private static final String LANGUAGE = "en-US";

  private final String windowSize;
  private ChromeDriver driver;
  private Path profile;
  private Path screenshots;
  private Path downloads;
  private Path uploads;
  private int taken;

  /** A browser window of a laptop's size. */
  public Chromium() {
    this(1280, 1300);
  }

  /** A browser window of this size: pages that scroll inside a fixed frame show only what fits. */
  public Chromium(int width, int height) {
    this.windowSize = width + "," + height;
  }

  /** Decided before the class starts anything, the application included; said on the console, as lint does. */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<Path> missing = Stream.of(BROWSER, DRIVER).filter(program -> !Files.isExecutable(program)).toList();
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
    }
    String install = missing + " not found; install Debian's packages chromium and chromium-driver "
        + "(apt-get install chromium chromium-driver)";
    if ("1".equals(System.getenv("CI_REQUIRE_TOOLS"))) {
      throw new IllegalStateException("Browser tests cannot run: " + install + ". CI_REQUIRE_TOOLS=1 makes that a failure.");
    }
    String message = "Browser tests SKIPPED: " + install + " to run them.";
    if (context.getTestMethod().isEmpty()) {
      System.out.println(message);
    }
    return ConditionEvaluationResult.disabled(message);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    Path folder = Path.of(context.getRequiredTestClass().getSimpleName(), context.getRequiredTestMethod().getName());
    screenshots = recreate(SCREENSHOTS.resolve(folder));
    downloads = recreate(DOWNLOADS.resolve(folder)).toAbsolutePath();
    uploads = recreate(UPLOADS.resolve(folder)).toAbsolutePath();
    profile = Files.createTempDirectory("chromium-profile");
    taken = 0;

    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    // the network is closed and the run must not depend on it: nothing in the background, no first-run pages
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=" + windowSize, "--user-data-dir=" + profile.toAbsolutePath(),
        // a browser set to English: the webapps must speak Indonesian all the same
        "--lang=" + LANGUAGE);
    options.setExperimentalOption("prefs", Map.of(
        "intl.accept_languages", LANGUAGE + ",en",
        "download.default_directory", downloads.toString(),
        "download.prompt_for_download", false));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  /** The screenshot of the moment a test failed, next to the steps it took. */
  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent() && driver != null) {
      screenshot("failed");
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
    FileSystemUtils.deleteRecursively(profile);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Where the browser saves what it downloads, for this test. */
  public Path downloads() {
    return downloads;
  }

  /** Writes a file for the browser to upload, as a person keeps one on their computer. */
  public Path fileToUpload(String name, byte[] content) {
    try {
      return Files.write(uploads.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves what the browser shows as NN-step.png, numbered in the order taken; step in words, such as "ani-logged-in". */
  public Path screenshot(String step) {
    Path file = screenshots.resolve(String.format("%02d-%s.png", ++taken, step));
    try {
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Prints the page as the browser's print dialog would (A4), saved as NN-step.pdf beside the screenshots. */
  public Path print(String step) {
    PrintOptions options = new PrintOptions();
    options.setPageSize(new PageSize(29.7, 21.0));
    options.setBackground(true);
    Path file = screenshots.resolve(String.format("%02d-%s.pdf", ++taken, step));
    try {
      Files.write(file, Base64.getDecoder().decode(driver.print(options).getContent()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static Path recreate(Path folder) throws IOException {
    FileSystemUtils.deleteRecursively(folder);
    return Files.createDirectories(folder);
  }
}
