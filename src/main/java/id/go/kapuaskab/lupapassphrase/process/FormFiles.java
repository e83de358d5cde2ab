package id.go.kapuaskab.lupapassphrase.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.lupapassphrase.process.FormField.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a form file sends, read from the file as the process owner saved it: an embedded HTML form
 * ({@code embedded:deployment:forms/x.html}) or a Camunda Form ({@code camunda:formRef}). FormFieldsTest
 * holds forms/ against {@link SopForms} with it, and every deployment is checked with it
 * (deployment/SopDeployments), so both read a form the same way.
 */
public final class FormFiles {

  /** The form key of an embedded form deployed with the diagram, before the resource's name. */
  public static final String EMBEDDED_DEPLOYMENT = "embedded:deployment:";

  private static final ObjectMapper JSON = new ObjectMapper();
  /** An input bound by the Forms SDK: its variable, type and (optional) maxlength, in any order. */
  private static final Pattern HTML_INPUT = Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.DOTALL);
  /** A variable a form script creates itself (the letter, so that no empty file overwrites a kept one). */
  private static final Pattern SCRIPT_VARIABLE = Pattern.compile("createVariable\\(\\{\\s*name: (\\w+), type: '(\\w+)'");

  /**
   * One field as the form sends it.
   *
   * @param maxLength the longest text it sends (its maxlength, or its longest option); 0 for other kinds
   */
  public record SentField(String name, Kind kind, int maxLength) {

    /** Whether the server's declaration of the field is what the form sends. */
    public boolean matches(FormField declared) {
      return declared.name().equals(name) && declared.kind() == kind
          && (kind != Kind.TEXT || declared.maxLength() == maxLength);
    }
  }

  private FormFiles() {
  }

  /** The fields an embedded HTML form sends, by variable. */
  public static Map<String, SentField> ofHtml(String html) {
    Map<String, SentField> fields = new LinkedHashMap<>();
    Matcher input = HTML_INPUT.matcher(html);
    while (input.find()) {
      String attributes = input.group(2);
      String name = attribute(attributes, "cam-variable-name");
      if (name != null) {
        Kind kind = "Boolean".equals(attribute(attributes, "cam-variable-type")) ? Kind.FLAG : Kind.TEXT;
        String maxLength = attribute(attributes, "maxlength");
        int limit = kind != Kind.TEXT ? 0 : maxLength == null ? choiceLength(html, name) : Integer.parseInt(maxLength);
        fields.put(name, new SentField(name, kind, limit));
      }
    }
    Matcher created = SCRIPT_VARIABLE.matcher(html);
    while (created.find()) {
      Matcher value = Pattern.compile("var " + created.group(1) + " = '(\\w+)'").matcher(html);
      if (value.find()) {
        String name = value.group(1);
        fields.put(name, new SentField(name, "File".equals(created.group(2)) ? Kind.FILE : Kind.TEXT, 0));
      }
    }
    return fields;
  }

  /** The fields a Camunda Form (form-js JSON) sends, by variable. */
  public static Map<String, SentField> ofCamundaForm(String json) {
    Map<String, SentField> fields = new LinkedHashMap<>();
    for (JsonNode component : read(json).path("components")) {
      if (component.has("key")) {
        Kind kind = "checkbox".equals(component.path("type").asText()) ? Kind.FLAG : Kind.TEXT;
        JsonNode maxLength = component.path("validate").path("maxLength");
        int limit = kind == Kind.FLAG ? 0 : maxLength.isMissingNode()
            ? component.path("values").findValuesAsText("value").stream().mapToInt(String::length).max().orElse(0)
            : maxLength.asInt();
        String name = component.get("key").asText();
        fields.put(name, new SentField(name, kind, limit));
      }
    }
    return fields;
  }

  /** The id a Camunda Form is found by ({@code camunda:formRef}), if the file is one. */
  public static Optional<String> camundaFormId(String json) {
    try {
      JsonNode id = read(json).path("id");
      return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
    } catch (UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /** The options of a select, in the form's order. */
  public static List<String> htmlOptions(String html, String name) {
    Matcher select = Pattern.compile("<select[^>]*cam-variable-name=\"" + Pattern.quote(name) + "\"[^>]*>(.*?)</select>",
        Pattern.DOTALL).matcher(html);
    if (!select.find()) {
      return List.of();
    }
    return Pattern.compile("<option value=\"(\\w+)\"").matcher(select.group(1)).results().map(m -> m.group(1)).toList();
  }

  /** A select has no maxlength: its longest option is what it can send. */
  private static int choiceLength(String html, String name) {
    return htmlOptions(html, name).stream().mapToInt(String::length).max().orElse(0);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String attribute(String attributes, String name) {
    Matcher value = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
    return value.find() ? value.group(1) : null;
  }
}
