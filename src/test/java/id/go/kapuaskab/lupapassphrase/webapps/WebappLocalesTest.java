package id.go.kapuaskab.lupapassphrase.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kapuaskab.lupapassphrase.support.WebappLocales;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Our Indonesian id.json of each webapp against the English en.json inside Camunda's webjar: every
 * key, every {{placeholder}} and every HTML tag kept, so that no label shows its key or loses a value
 * or a link; a Camunda update that adds keys fails here until they are translated.
 */
class WebappLocalesTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

  static final List<String> APPS = WebappLocales.APPS;

  @ParameterizedTest(name = "{0}")
  @FieldSource("APPS")
  void theEnglishComesFromCamundasWebjarAndTheIndonesianFromTheApplication(String app) {
    List<URL> english = WebappLocales.locations(app, "en");
    List<URL> indonesian = WebappLocales.locations(app, "id");

    assertThat(english).singleElement().asString().contains("camunda-webapp-webjar-").startsWith("jar:");
    assertThat(indonesian).singleElement().asString().doesNotContain("camunda-webapp-webjar-");
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("APPS")
  void everyEnglishKeyIsTranslatedWithItsPlaceholdersAndTags(String app) {
    Map<String, String> english = WebappLocales.labels(app, "en");
    Map<String, String> indonesian = WebappLocales.labels(app, "id");
    System.out.printf("%s: %d keys in en.json, %d in id.json%n", app, english.size(), indonesian.size());

    assertThat(indonesian.keySet()).as("%s: the keys of id.json", app).containsExactlyInAnyOrderElementsOf(english.keySet());
    List<String> differences = new ArrayList<>();
    english.forEach((key, text) -> {
      String translated = indonesian.get(key);
      if (!all(PLACEHOLDER, text, 1).equals(all(PLACEHOLDER, translated, 1))) {
        differences.add(key + ": placeholders " + all(PLACEHOLDER, text, 1) + " became " + all(PLACEHOLDER, translated, 1));
      }
      if (!all(TAG, text, 0).equals(all(TAG, translated, 0))) {
        differences.add(key + ": HTML " + all(TAG, text, 0) + " became " + all(TAG, translated, 0));
      }
    });
    assertThat(differences).as("%s: labels whose placeholders or HTML differ from English", app).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("APPS")
  void theDatesHaveTheirIndonesianNames(String app) {
    JsonNode english = WebappLocales.read(app, "en").path("dateLocales");
    JsonNode indonesian = WebappLocales.read(app, "id").path("dateLocales");

    assertThat(fieldNames(indonesian)).isEqualTo(fieldNames(english));
    if (!english.isMissingNode()) {
      assertThat(indonesian.path("months").get(7).asText()).isEqualTo("Agustus");
      assertThat(indonesian.path("weekdays").get(5).asText()).isEqualTo("Jumat");
    }
  }

  /** Every match (the group), sorted: the same ones in any order. */
  private static List<String> all(Pattern pattern, String text, int group) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(group).replaceAll("\\s+", " "));
    }
    found.sort(null);
    return found;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
