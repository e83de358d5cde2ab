package id.go.kapuaskab.lupapassphrase.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What a person sees of a Camunda webapp page, checked against the app's locale files: no text that
 * is English where Indonesian says it differently, no Camunda 8 banner, the header over the page with
 * no gap, and the office's name in the page title.
 */
public final class IndonesianUi {

  /** The service as the header, the page title and the login page name it (app/layanan/layanan.js). */
  public static final String SERVICE = "Layanan Sertifikat Elektronik — Bidang Persandian Kabupaten Kapuas";

  private static final Map<String, Set<String>> ENGLISH = new ConcurrentHashMap<>();

  // every text node of the page that is rendered, trimmed; placeholders and tooltips too
  private static final String VISIBLE_TEXTS = """
      const texts = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent.trim();
        if (text && parent && parent.closest('script, style, noscript') === null && parent.checkVisibility()) {
          texts.push(text);
        }
      }
      for (const element of document.querySelectorAll('[placeholder], [title]')) {
        if (element.checkVisibility()) {
          texts.push(...[element.getAttribute('placeholder'), element.getAttribute('title')]
              .filter((text) => text && text.trim()).map((text) => text.trim()));
        }
      }
      return texts;""";

  // the header's bottom edge and the top of the page's content, in pixels
  private static final String HEADER_AND_PAGE = """
      const header = document.querySelector('[cam-widget-header]').getBoundingClientRect();
      const page = [...document.querySelectorAll('.page-wrap, .ctn-main, .welcome-page, .form-signin-container')]
          .find((element) => element.checkVisibility());
      return [header.bottom, page ? page.getBoundingClientRect().top : -1];""";

  private IndonesianUi() {
  }

  /**
   * The texts on the page that are the English of one of the app's labels which Indonesian says
   * otherwise: none should be there.
   */
  @SuppressWarnings("unchecked")
  private static List<String> englishTexts(WebDriver driver, String app) {
    Set<String> english = ENGLISH.computeIfAbsent(app, WebappLocales::englishOnly);
    List<String> texts = (List<String>) ((JavascriptExecutor) driver).executeScript(VISIBLE_TEXTS);
    return texts.stream().filter(english::contains).distinct().toList();
  }

  /** Checks the page as it stands: Indonesian, no banner, no gap under the header, the service's name. */
  public static void assertIndonesian(WebDriver driver, String app) {
    assertThat(englishTexts(driver, app)).as("English texts on %s", driver.getCurrentUrl()).isEmpty();
    assertThat(driver.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
    @SuppressWarnings("unchecked")
    List<Number> edges = (List<Number>) ((JavascriptExecutor) driver).executeScript(HEADER_AND_PAGE);
    assertThat(edges.get(1).doubleValue()).as("the page's top under the header's bottom at %s", edges.get(0))
        .isCloseTo(edges.get(0).doubleValue(), within(1.0));
    assertThat(driver.getTitle()).startsWith(SERVICE);
  }
}
