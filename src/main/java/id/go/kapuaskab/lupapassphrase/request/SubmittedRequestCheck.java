package id.go.kapuaskab.lupapassphrase.request;

import id.go.kapuaskab.lupapassphrase.process.ProcessVariables;
import id.go.kapuaskab.lupapassphrase.process.ReachableFromDiagram;
import id.go.kapuaskab.lupapassphrase.process.SubmitAction;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * SOP step 1 leaves the applicant only as a complete, valid request: the fields this completion sent
 * together with what the request already holds (a letter uploaded before a rejection stays). It runs
 * as the task ends, inside the completion, so a refusal rolls it back: the task stays open and
 * nothing saved is lost. (An execution listener: what a task listener throws, the engine wraps, and
 * the REST API would answer 500 instead of 400.)
 */
@Component("checkSubmittedRequest")
@ReachableFromDiagram
public class SubmittedRequestCheck implements ExecutionListener {

  private final RequestRules rules;

  public SubmittedRequestCheck(RequestRules rules) {
    this.rules = rules;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // a deadline that ends the task carries no request to check
    if (!execution.isCanceled() && SubmitAction.SUBMIT.name().equals(execution.getVariable(ProcessVariables.SUBMIT_ACTION))) {
      rules.checkRequest(execution);
    }
  }
}
