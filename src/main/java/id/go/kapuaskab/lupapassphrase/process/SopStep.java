package id.go.kapuaskab.lupapassphrase.process;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * A step of the SOP as the diagram declares it, so a request keeps the steps of the version it runs
 * on: a user task with the extension properties {@value TaskProperties#SOP_STEP} (the SOP's number of
 * the step) and {@value TaskProperties#SOP_ACTIVITY} (the SOP's words for it), whose standard time is
 * the non-interrupting timer on the task that leads to an escalation (the breach), counted in service
 * hours when the timer says {@value TaskProperties#SERVICE_HOURS} = {@value TaskProperties#YES}. The process
 * owner sets all of it in Camunda Modeler.
 *
 * @param number the SOP's number of the step
 * @param title the activity as the SOP names it
 * @param taskId the user task
 * @param timerId the timer of its standard time
 * @param standardTime the timer's duration
 * @param serviceHours whether the standard time is counted in the office's service hours
 */
public record SopStep(int number, String title, String taskId, String timerId, Duration standardTime,
    boolean serviceHours) {

  /** By diagram instance (model instances compare by identity), weakly: a version dropped from the engine's cache goes. */
  private static final Map<BpmnModelInstance, Map<String, Optional<SopStep>>> STEPS_BY_TASK = new WeakHashMap<>();

  /** The standard time as people say it ("5 menit"), as the forms show it. */
  public String standardTimeInWords() {
    return StandardTimeOnTask.inWords(standardTime);
  }

  /** The steps of a diagram version, in the SOP's order. */
  public static List<SopStep> in(BpmnModelInstance diagram) {
    return diagram.getModelElementsByType(UserTask.class).stream()
        .map(task -> of(diagram, task))
        .flatMap(Optional::stream)
        .sorted(Comparator.comparingInt(SopStep::number))
        .toList();
  }

  /**
   * The step whose task this is, in the diagram version the task belongs to. Remembered per diagram (the engine
   * keeps one instance per deployed version): finding the step's timer walks the diagram's elements, and every
   * task of every request asks, which cost a tenth of the node's CPU under load.
   */
  public static Optional<SopStep> byTask(BpmnModelInstance diagram, String taskId) {
    Map<String, Optional<SopStep>> steps;
    synchronized (STEPS_BY_TASK) {
      steps = STEPS_BY_TASK.computeIfAbsent(diagram, key -> new ConcurrentHashMap<>());
    }
    return steps.computeIfAbsent(taskId, key -> diagram.getModelElementById(key) instanceof UserTask task
        ? of(diagram, task) : Optional.empty());
  }

  /**
   * The step whose standard-time timer throws the escalation with this code: the escalation's end
   * event, the timer that leads to it, the task the timer is on. Read from the request's own diagram
   * version, so renumbering steps in a later version moves no breach of a running request.
   */
  public static Optional<SopStep> byEscalationCode(BpmnModelInstance diagram, String code) {
    // by the flows' own source and target, which the engine follows, not the elements' optional
    // incoming and outgoing lists
    return diagram.getModelElementsByType(SequenceFlow.class).stream()
        .filter(flow -> flow.getTarget() instanceof EndEvent end && end.getEventDefinitions().stream().anyMatch(
            definition -> definition instanceof EscalationEventDefinition escalation && escalation.getEscalation() != null
                && Objects.equals(code, escalation.getEscalation().getEscalationCode())))
        .map(SequenceFlow::getSource)
        .filter(BoundaryEvent.class::isInstance)
        .map(timer -> ((BoundaryEvent) timer).getAttachedTo())
        .filter(UserTask.class::isInstance)
        .map(task -> of(diagram, (UserTask) task))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static Optional<SopStep> of(BpmnModelInstance diagram, UserTask task) {
    Optional<String> number = TaskProperties.of(task, TaskProperties.SOP_STEP);
    if (number.isEmpty()) {
      return Optional.empty();
    }
    BoundaryEvent timer = standardTimer(diagram, task).orElseThrow(() -> new IllegalStateException(
        "SOP step " + task.getId() + " has no non-interrupting timer leading to an escalation (its standard time)"));
    TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
    return Optional.of(new SopStep(Integer.parseInt(number.get()),
        TaskProperties.of(task, TaskProperties.SOP_ACTIVITY).orElse(task.getName()),
        task.getId(), timer.getId(), Duration.parse(definition.getTimeDuration().getTextContent().trim()),
        TaskProperties.of(timer, TaskProperties.SERVICE_HOURS).filter(TaskProperties.YES::equals).isPresent()));
  }

  /** The task's non-interrupting timer whose path ends in an escalation: the one that records a breach. */
  private static Optional<BoundaryEvent> standardTimer(BpmnModelInstance diagram, UserTask task) {
    return diagram.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(event -> event.getAttachedTo() != null && task.getId().equals(event.getAttachedTo().getId())
            && !event.cancelActivity())
        .filter(event -> event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance))
        .filter(event -> diagram.getModelElementsByType(SequenceFlow.class).stream()
            .filter(flow -> flow.getSource() != null && event.getId().equals(flow.getSource().getId()))
            .map(SequenceFlow::getTarget)
            .anyMatch(target -> target instanceof EndEvent end && end.getEventDefinitions().stream()
                .anyMatch(EscalationEventDefinition.class::isInstance)))
        .findFirst();
  }
}
