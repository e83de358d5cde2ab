package id.go.kapuaskab.lupapassphrase.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Every form's fields by the diagram element it belongs to, gathered from the declarations
 * ({@link TaskForms}): what the server accepts from a start or a completion there. An element
 * declared twice is refused at start.
 */
@Component
public class FormFields {

  private final Map<String, List<FormField>> byElement = new HashMap<>();

  public FormFields(List<TaskForms> declarations) {
    declarations.stream().flatMap(declaration -> declaration.forms().stream()).forEach(form -> {
      if (byElement.put(form.elementId(), form.fields()) != null) {
        throw new IllegalStateException("The form of " + form.elementId() + " is declared twice");
      }
    });
  }

  /** The fields of the form of a start event or user task, or empty when the diagram element has no form here. */
  public Optional<List<FormField>> of(String elementId) {
    return Optional.ofNullable(byElement.get(elementId));
  }

  /** The diagram elements that have a form. */
  public Set<String> elements() {
    return Set.copyOf(byElement.keySet());
  }
}
