package id.go.kapuaskab.lupapassphrase.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A webapp's locale files as the application serves them from the class path: Camunda's en.json
 * inside the camunda-webapp-webjar jar, and our id.json next to it in the application's resources.
 */
public final class WebappLocales {

  /** The webapps that take locales: Tasklist, Cockpit, Admin and the welcome/login app. */
  public static final List<String> APPS = List.of("tasklist", "cockpit", "admin", "welcome");

  private static final String FOLDER = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebappLocales() {
  }

  /** Where the class path has this app's file for the language, the first (served) one first. */
  public static List<URL> locations(String app, String language) {
    try {
      return Collections.list(WebappLocales.class.getClassLoader().getResources(FOLDER.formatted(app, language)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file the application serves: the first on the class path; fails where there is none. */
  public static JsonNode read(String app, String language) {
    List<URL> found = locations(app, language);
    if (found.isEmpty()) {
      throw new AssertionError(FOLDER.formatted(app, language) + " is not on the class path");
    }
    try (InputStream in = found.get(0).openStream()) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The labels, key to text. */
  public static Map<String, String> labels(String app, String language) {
    Map<String, String> labels = new TreeMap<>();
    read(app, language).path("labels").fields().forEachRemaining(field -> labels.put(field.getKey(), field.getValue().asText()));
    return labels;
  }

  /**
   * The English texts of the app that Indonesian says differently: none of them may be seen on a
   * page of the Indonesian webapp. Texts that are the same in both (Cockpit, Filter, Diagram) are not among them.
   */
  public static Set<String> englishOnly(String app) {
    Map<String, String> english = labels(app, "en");
    Map<String, String> indonesian = labels(app, "id");
    Set<String> same = english.keySet().stream().filter(key -> english.get(key).equals(indonesian.get(key)))
        .map(english::get).collect(Collectors.toSet());
    return english.values().stream().map(String::strip).filter(text -> !text.isEmpty())
        .filter(text -> !same.contains(text)).collect(Collectors.toSet());
  }
}
