package id.go.kapuaskab.lupapassphrase.process;

import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What a user task of the diagram, or a timer on it, tells the product through its extension properties,
 * which the process owner sets in Camunda Modeler (Properties panel, Extension properties). Read from the
 * diagram version a request runs on, so a later version changes no running or finished request.
 */
public final class TaskProperties {

  /** The SOP's number of the step the task is ({@link SopStep}). */
  public static final String SOP_STEP = "langkahSop";
  /** The SOP's words for that step. */
  public static final String SOP_ACTIVITY = "aktivitasSop";
  /**
   * On a timer with a duration: {@value #YES} counts the duration in the office's service hours (a day is a
   * service day), {@value #NO} or nothing around the clock ({@link ServiceTimeTimers}).
   */
  public static final String SERVICE_HOURS = "jamLayanan";
  /** The value of {@link #SERVICE_HOURS} for service hours. */
  public static final String YES = "ya";
  /** The value of {@link #SERVICE_HOURS} for the clock around the clock. */
  public static final String NO = "tidak";
  /** The variable with the decision the task's form records (a choice), for the audit record. */
  public static final String AUDIT_DECISION = "auditKeputusan";
  /** The variable with the reason or note the task's form records, for the audit record. */
  public static final String AUDIT_NOTE = "auditCatatan";

  private TaskProperties() {
  }

  /** The value of the element's extension property of that name, if it has one. */
  public static Optional<String> of(BaseElement element, String name) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .filter(Objects::nonNull)
        .map(String::trim)
        .findFirst();
  }
}
