package id.go.kapuaskab.lupapassphrase.process;

import id.go.kapuaskab.lupapassphrase.servicehours.ServiceHours;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Records a breach when an SLA timer's escalation starts the breach event subprocess, in the same
 * transaction as the timer, so "fired at" is the timer's own moment. The standard time is read from
 * the timer in the diagram, where the process owner sets it, and counted in service hours when the timer is.
 */
@Component("slaBreachRecorder")
@ReachableFromDiagram
public class SlaBreachRecorder implements ExecutionListener {

  private final ServiceHours hours;

  SlaBreachRecorder(ServiceHours hours) {
    this.hours = hours;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String code = (String) execution.getVariable(ProcessVariables.SLA_ESCALATION_CODE);
    SopStep step = SopStep.byEscalationCode(execution.getBpmnModelInstance(), code)
        .orElseThrow(() -> new IllegalStateException("No SOP step's timer throws the escalation " + code));
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(step.taskId()).singleResult();
    Date firedAt = ClockUtil.getCurrentTime();
    Date dueAt = task == null ? firedAt : Date.from(dueAt(step, task.getCreateTime().toInstant()));
    new SlaBreach(step.taskId(), dueAt, firedAt, responsible(tasks, task)).writeTo(execution);
  }

  private Instant dueAt(SopStep step, Instant created) {
    return step.serviceHours() ? hours.calendar().after(created, step.standardTime()) : created.plus(step.standardTime());
  }

  private static String responsible(TaskService tasks, Task task) {
    if (task == null) {
      return null;
    }
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .map(group -> "grup " + group)
        .collect(Collectors.joining(", "));
  }
}
