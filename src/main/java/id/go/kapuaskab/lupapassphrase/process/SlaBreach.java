package id.go.kapuaskab.lupapassphrase.process;

import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_DUE_AT;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_FIRED_AT;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_RESPONSIBLE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_TASK;

import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One overrun of an SOP step's standard time. It is kept as variables local to the breach event
 * subprocess instance, so the history holds one record per breach, next to the step it concerns.
 *
 * @param taskId the user task whose standard time ran out (its SOP step follows from the request's diagram
 *     version: {@link SopStep#byTask})
 * @param dueAt when the standard time ran out
 * @param firedAt when the timer fired and the breach was recorded
 * @param responsible the user working on the step, or the group whose queue it waits in
 */
public record SlaBreach(String taskId, Date dueAt, Date firedAt, String responsible) {

  public void writeTo(VariableScope scope) {
    scope.setVariableLocal(SLA_TASK, taskId);
    scope.setVariableLocal(SLA_DUE_AT, dueAt);
    scope.setVariableLocal(SLA_FIRED_AT, firedAt);
    scope.setVariableLocal(SLA_RESPONSIBLE, responsible);
  }

  /** The breach from the scope it was written to, and only from there. */
  public static SlaBreach readFrom(VariableScope scope) {
    return new SlaBreach((String) scope.getVariableLocal(SLA_TASK),
        (Date) scope.getVariableLocal(SLA_DUE_AT), (Date) scope.getVariableLocal(SLA_FIRED_AT),
        (String) scope.getVariableLocal(SLA_RESPONSIBLE));
  }

  /**
   * The breach from its variables as the history keeps them, by name; empty when they are not what
   * the server writes (an administrator may have changed them), so one bad record cannot break the
   * pages that read many.
   */
  public static Optional<SlaBreach> of(Map<String, Object> variables) {
    if (variables.get(SLA_DUE_AT) instanceof Date dueAt
        && variables.get(SLA_FIRED_AT) instanceof Date firedAt && variables.get(SLA_TASK) instanceof String taskId
        && (variables.get(SLA_RESPONSIBLE) == null || variables.get(SLA_RESPONSIBLE) instanceof String)) {
      return Optional.of(new SlaBreach(taskId, dueAt, firedAt, (String) variables.get(SLA_RESPONSIBLE)));
    }
    return Optional.empty();
  }

  /**
   * Whether a history variable lives in a breach record: the SLA variables are written local to the
   * breach event subprocess (activity instance "SubProcess_SlaBreach:…"); one of the same name
   * elsewhere is not a breach.
   */
  public static boolean inBreachScope(String activityInstanceId) {
    return activityInstanceId != null && activityInstanceId.startsWith(ProcessIds.SUBPROCESS_SLA_BREACH + ":");
  }
}
