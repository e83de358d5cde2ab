package id.go.kapuaskab.lupapassphrase.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The declarations of what each form sends (SopForms), held against the form files of forms/ and the
 * diagram: every field a form sends is in the table with its kind and limit, nothing more, and every
 * user task and the start event have an entry.
 */
class FormFieldsTest {

  /** The product's own declarations, without any a test adds. */
  private static final FormFields FORMS = new FormFields(List.of(new SopForms()));

  private static final ObjectMapper JSON = new ObjectMapper();
  /** An input bound by the Forms SDK: its variable, type and (optional) maxlength, in any order. */
  private static final Pattern HTML_INPUT = Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.DOTALL);
  /** A variable a form script creates itself (the letter, so that no empty file overwrites a kept one). */
  private static final Pattern SCRIPT_VARIABLE = Pattern.compile("createVariable\\(\\{\\s*name: (\\w+), type: '(\\w+)'");

  private final BpmnModelInstance diagram = Bpmn.readModelFromFile(Path.of("bpmn/lupa-passphrase.bpmn").toFile());

  @Test
  void everyFormOfTheDiagramSendsExactlyTheFieldsOfTheTable() throws Exception {
    Map<String, String> forms = new LinkedHashMap<>();
    for (UserTask task : diagram.getModelElementsByType(UserTask.class)) {
      forms.put(task.getId(), task.getCamundaFormKey() != null ? task.getCamundaFormKey() : task.getCamundaFormRef());
    }
    for (StartEvent start : diagram.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        forms.put(start.getId(), start.getCamundaFormRef());
      }
    }
    assertThat(forms.keySet()).containsExactlyInAnyOrderElementsOf(FORMS.elements());

    for (Map.Entry<String, String> form : forms.entrySet()) {
      Map<String, String> sent = sentFields(form.getValue());
      Map<String, String> declared = FORMS.of(form.getKey()).orElseThrow().stream()
          .collect(Collectors.toMap(FormField::name, field -> field.kind() + limit(field)));
      assertThat(sent).as("%s (%s)", form.getKey(), form.getValue()).isEqualTo(declared);
    }
  }

  @Test
  void theOptionsOfEveryChoiceAreTheFormsOptions() throws Exception {
    String submit = Files.readString(Path.of("forms/submit-request.html"));
    String verify = Files.readString(Path.of("forms/verify-request.html"));
    JsonNode confirm = JSON.readTree(Path.of("forms/confirm-link-received.form").toFile());

    assertThat(htmlOptions(submit, ProcessVariables.SUBMIT_ACTION))
        .isEqualTo(options(ProcessIds.TASK_SUBMIT_REQUEST, ProcessVariables.SUBMIT_ACTION));
    assertThat(htmlOptions(verify, ProcessVariables.VERIFICATION_DECISION))
        .isEqualTo(options(ProcessIds.TASK_VERIFY_REQUEST, ProcessVariables.VERIFICATION_DECISION));
    List<String> radio = confirm.findValues("values").get(0).findValuesAsText("value");
    assertThat(radio).isEqualTo(options(ProcessIds.TASK_CONFIRM_LINK_RECEIVED, ProcessVariables.LINK_STATUS));
  }

  /** The fields a form sends, as "KIND" plus ":maxLength" for text: what the table says of each. */
  private static Map<String, String> sentFields(String formKey) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    if (formKey.startsWith("embedded:deployment:")) {
      String html = Files.readString(Path.of(formKey.substring("embedded:deployment:".length())));
      Matcher input = HTML_INPUT.matcher(html);
      while (input.find()) {
        String attributes = input.group(2);
        String name = attribute(attributes, "cam-variable-name");
        if (name != null) {
          String type = attribute(attributes, "cam-variable-type");
          String kind = "Boolean".equals(type) ? "FLAG" : "TEXT";
          String maxLength = attribute(attributes, "maxlength");
          fields.put(name, kind + (kind.equals("TEXT") ? ":" + (maxLength == null ? choiceLength(html, name) : maxLength) : ""));
        }
      }
      Matcher created = SCRIPT_VARIABLE.matcher(html);
      while (created.find()) {
        String constant = created.group(1);
        Matcher value = Pattern.compile("var " + constant + " = '(\\w+)'").matcher(html);
        assertThat(value.find()).as("the script names %s", constant).isTrue();
        fields.put(value.group(1), "File".equals(created.group(2)) ? "FILE" : created.group(2));
      }
    } else {
      JsonNode form = JSON.readTree(Path.of("forms/" + formKey + ".form").toFile());
      for (JsonNode component : form.get("components")) {
        if (component.has("key")) {
          String type = component.get("type").asText();
          String kind = type.equals("checkbox") ? "FLAG" : "TEXT";
          JsonNode maxLength = component.path("validate").path("maxLength");
          String limit = kind.equals("FLAG") ? "" : ":" + (maxLength.isMissingNode()
              ? component.get("values").findValuesAsText("value").stream().mapToInt(String::length).max().orElse(0)
              : maxLength.asInt());
          fields.put(component.get("key").asText(), kind + limit);
        }
      }
    }
    return fields;
  }

  private static String limit(FormField field) {
    return field.kind() == FormField.Kind.TEXT ? ":" + field.maxLength() : "";
  }

  /** A select has no maxlength: its longest option is what it can send. */
  private static int choiceLength(String html, String name) {
    return htmlOptions(html, name).stream().mapToInt(String::length).max().orElse(0);
  }

  private static List<String> htmlOptions(String html, String name) {
    Matcher select = Pattern.compile("<select[^>]*cam-variable-name=\"" + name + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
        .matcher(html);
    assertThat(select.find()).as("a select for %s", name).isTrue();
    return Pattern.compile("<option value=\"(\\w+)\"").matcher(select.group(1)).results().map(m -> m.group(1)).toList();
  }

  private static List<String> options(String elementId, String field) {
    return FORMS.of(elementId).orElseThrow().stream().filter(f -> f.name().equals(field)).findFirst()
        .orElseThrow().options();
  }

  private static String attribute(String attributes, String name) {
    Matcher value = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
    return value.find() ? value.group(1) : null;
  }
}
