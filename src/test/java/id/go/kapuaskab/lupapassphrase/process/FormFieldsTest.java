package id.go.kapuaskab.lupapassphrase.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    assertThat(FormFiles.htmlOptions(submit, ProcessVariables.SUBMIT_ACTION))
        .isEqualTo(options(ProcessIds.TASK_SUBMIT_REQUEST, ProcessVariables.SUBMIT_ACTION));
    assertThat(FormFiles.htmlOptions(verify, ProcessVariables.VERIFICATION_DECISION))
        .isEqualTo(options(ProcessIds.TASK_VERIFY_REQUEST, ProcessVariables.VERIFICATION_DECISION));
    List<String> radio = confirm.findValues("values").get(0).findValuesAsText("value");
    assertThat(radio).isEqualTo(options(ProcessIds.TASK_CONFIRM_LINK_RECEIVED, ProcessVariables.LINK_STATUS));
  }

  /** The fields a form sends, as "KIND" plus ":maxLength" for text: what the table says of each. */
  private static Map<String, String> sentFields(String formKey) throws Exception {
    Map<String, FormFiles.SentField> sent = formKey.startsWith(FormFiles.EMBEDDED_DEPLOYMENT)
        ? FormFiles.ofHtml(Files.readString(Path.of(formKey.substring(FormFiles.EMBEDDED_DEPLOYMENT.length()))))
        : FormFiles.ofCamundaForm(Files.readString(Path.of("forms/" + formKey + ".form")));
    Map<String, String> fields = new LinkedHashMap<>();
    sent.values().forEach(field -> fields.put(field.name(),
        field.kind() + (field.kind() == FormField.Kind.TEXT ? ":" + field.maxLength() : "")));
    return fields;
  }

  private static String limit(FormField field) {
    return field.kind() == FormField.Kind.TEXT ? ":" + field.maxLength() : "";
  }

  private static List<String> options(String elementId, String field) {
    return FORMS.of(elementId).orElseThrow().stream().filter(f -> f.name().equals(field)).findFirst()
        .orElseThrow().options();
  }

}
