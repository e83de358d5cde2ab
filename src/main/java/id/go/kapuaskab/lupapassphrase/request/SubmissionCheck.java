package id.go.kapuaskab.lupapassphrase.request;

import id.go.kapuaskab.lupapassphrase.process.FormField;
import id.go.kapuaskab.lupapassphrase.process.FormFields;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * What a start or a task completion may carry: exactly the fields of its form (FormFields), each of
 * its kind, within its limits, the required ones present. Judged on what the caller sent, not on what
 * the request already holds, so a decision must come with the completion that makes it.
 */
@Component
public class SubmissionCheck {

  private final RequestRules rules;
  private final FormFields forms;

  public SubmissionCheck(RequestRules rules, FormFields forms) {
    this.rules = rules;
    this.forms = forms;
  }

  /**
   * Refuses the submission to the form of the diagram element (a start event or user task) with the
   * first field that breaks a rule, named.
   */
  public void check(String elementId, Map<String, ?> submission) {
    Map<String, ?> sent = submission == null ? Map.of() : submission;
    List<FormField> fields = checkNames(elementId, sent.keySet());
    for (FormField field : fields) {
      Object value = valueOf(field, sentValue(sent, field.name()));
      if (required(field, sent) && (value == null || Boolean.FALSE.equals(value)
          || (value instanceof String text && text.isBlank()))) {
        throw new InvalidInputException(field.name(), field.label()
            + (field.kind() == FormField.Kind.FLAG ? " harus dikonfirmasi." : " wajib diisi."));
      }
      if (value instanceof String text) {
        String checked = rules.checkText(field, text);
        if (!field.options().isEmpty() && !field.options().contains(checked)) {
          throw new InvalidInputException(field.name(),
              field.label() + " harus salah satu dari " + String.join(", ", field.options()) + ".");
        }
      }
    }
  }

  /** Refuses the first name that the element's form does not send; returns the form's fields. */
  public List<FormField> checkNames(String elementId, Set<String> names) {
    rules.refuseCredentials(names);
    List<FormField> fields = forms.of(elementId).orElseThrow(() ->
        new InvalidInputException(elementId, "Langkah ini tidak menerima isian dari formulir."));
    for (String name : names) {
      if (fields.stream().noneMatch(field -> field.name().equals(name))) {
        throw new InvalidInputException(name, "Isian ini tidak ada pada formulir langkah ini dan tidak diterima.");
      }
    }
    return fields;
  }

  /** What was sent under the name, typed where the caller typed it (REST does: a VariableMap hands out bare values). */
  private static Object sentValue(Map<String, ?> sent, String name) {
    return sent instanceof VariableMap variables ? variables.getValueTyped(name) : sent.get(name);
  }

  /** The value as its kind, or null when none was sent; a value of another kind is refused. */
  private static Object valueOf(FormField field, Object sent) {
    if (sent == null) {
      return null;
    }
    TypedValue typed = sent instanceof TypedValue value ? value : null;
    Object value = typed == null ? sent : typed.getValue();
    boolean typeMatches = typed == null || typed.getType() == null
        || typed.getType().getName().equals(field.kind().valueType())
        || (value == null && "null".equals(typed.getType().getName()));
    boolean valueMatches = switch (field.kind()) {
      case TEXT -> value == null || value instanceof String;
      case FLAG -> value == null || value instanceof Boolean;
      case FILE -> sent instanceof FileValue;
    };
    if (!typeMatches || !valueMatches) {
      throw new InvalidInputException(field.name(), field.label() + " harus berupa " + switch (field.kind()) {
        case TEXT -> "teks.";
        case FLAG -> "pilihan ya atau tidak (Boolean).";
        case FILE -> "berkas.";
      });
    }
    return value;
  }

  private static boolean required(FormField field, Map<String, ?> sent) {
    FormField.Required required = field.required();
    if (required.always()) {
      return true;
    }
    if (!required.conditional()) {
      return false;
    }
    Object other = sentValue(sent, required.field());
    Object otherValue = other instanceof TypedValue typed ? typed.getValue() : other;
    return otherValue instanceof String text && Objects.equals(text.strip(), required.value());
  }
}
