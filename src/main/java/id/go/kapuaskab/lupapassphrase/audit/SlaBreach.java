package id.go.kapuaskab.lupapassphrase.audit;

import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_DUE_AT;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_FIRED_AT;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_RESPONSIBLE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_STEP;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_TASK;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One overrun of an SOP step's standard time. It is kept as variables local to the breach event
 * subprocess instance, so the history holds one record per breach, next to the step it concerns.
 *
 * @param step the SOP step (1 to 4)
 * @param taskId the user task whose standard time ran out
 * @param dueAt when the standard time ran out
 * @param firedAt when the timer fired and the breach was recorded
 * @param responsible the user working on the step, or the group whose queue it waits in
 */
public record SlaBreach(int step, String taskId, Date dueAt, Date firedAt, String responsible) {

  public void writeTo(VariableScope scope) {
    scope.setVariableLocal(SLA_STEP, step);
    scope.setVariableLocal(SLA_TASK, taskId);
    scope.setVariableLocal(SLA_DUE_AT, dueAt);
    scope.setVariableLocal(SLA_FIRED_AT, firedAt);
    scope.setVariableLocal(SLA_RESPONSIBLE, responsible);
  }

  public static SlaBreach readFrom(VariableScope scope) {
    return new SlaBreach((Integer) scope.getVariable(SLA_STEP), (String) scope.getVariable(SLA_TASK),
        (Date) scope.getVariable(SLA_DUE_AT), (Date) scope.getVariable(SLA_FIRED_AT),
        (String) scope.getVariable(SLA_RESPONSIBLE));
  }

  /** The breach from its variables as the history keeps them, by name. */
  public static SlaBreach of(Map<String, Object> variables) {
    return new SlaBreach((Integer) variables.get(SLA_STEP), (String) variables.get(SLA_TASK),
        (Date) variables.get(SLA_DUE_AT), (Date) variables.get(SLA_FIRED_AT), (String) variables.get(SLA_RESPONSIBLE));
  }
}
