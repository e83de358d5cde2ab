package id.go.kapuaskab.lupapassphrase.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Gives each SOP step's task its standard time, as the timer of the task's own diagram version sets
 * it, in words ("5 menit"), as the task-local variable standardTime: the forms show it from there, so
 * a process owner who changes a timer changes what the forms say. Built into every user task
 * (ProcessListeners) and acting on the SOP steps, not drawn in the diagram, so no edit of the diagram
 * can leave a form without it.
 */
class StandardTimeOnTask implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    SopStep.byTask(task.getBpmnModelInstance(), task.getTaskDefinitionKey()).ifPresent(step -> task.setVariableLocal(
        ProcessVariables.STANDARD_TIME, inWords(step.standardTime())));
  }

  /** A duration as people say it: "2 menit", "1 jam 30 menit", "1 hari". */
  static String inWords(Duration duration) {
    List<String> parts = new ArrayList<>();
    if (duration.toDaysPart() > 0) {
      parts.add(duration.toDaysPart() + " hari");
    }
    if (duration.toHoursPart() > 0) {
      parts.add(duration.toHoursPart() + " jam");
    }
    if (duration.toMinutesPart() > 0) {
      parts.add(duration.toMinutesPart() + " menit");
    }
    if (duration.toSecondsPart() > 0 || parts.isEmpty()) {
      parts.add(duration.toSecondsPart() + " detik");
    }
    return String.join(" ", parts);
  }
}
