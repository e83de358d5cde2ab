package id.go.kapuaskab.lupapassphrase.process;

import id.go.kapuaskab.lupapassphrase.ams.AmsRefusedException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Turns an AMS business answer into the BPMN error that sends the request to the verifier. */
final class AmsRefusals {

  private AmsRefusals() {
  }

  static BpmnError toBpmnError(DelegateExecution execution, AmsRefusedException refusal) {
    execution.setVariable(ProcessVariables.AMS_REFUSAL, refusal.status().name());
    execution.setVariable(ProcessVariables.RELATED_SOP, refusal.relatedSop().title());
    return new BpmnError(ProcessIds.ERROR_AMS_REFUSED, refusal.getMessage());
  }
}
