package id.go.kapuaskab.lupapassphrase.request;

import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.APPLICANT;

import id.go.kapuaskab.lupapassphrase.process.ReachableFromDiagram;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Opens a request at its start event: only a logged-in applicant opens one, for themself, and it gets
 * its request number from the server. What a caller may send with the start (nothing but the start
 * form's fields, no number of their own) is refused before the engine starts anything (security's
 * guarded services); an administrator's own number is kept.
 */
@Component("openRequest")
@ReachableFromDiagram
public class OpenRequestListener implements ExecutionListener {

  private final RequestNumbers numbers;

  public OpenRequestListener(RequestNumbers numbers) {
    this.numbers = numbers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      throw new InvalidInputException(APPLICANT, "Permohonan harus dibuka oleh pemohon yang sudah masuk (login).");
    }
    if (!user.getUserId().equals(execution.getVariable(APPLICANT))) {
      throw new InvalidInputException(APPLICANT, "Pemohon adalah pengguna yang membuka permohonan dan tidak boleh diisi.");
    }
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(numbers.next());
    }
  }
}
