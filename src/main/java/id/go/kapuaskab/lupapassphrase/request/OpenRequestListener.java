package id.go.kapuaskab.lupapassphrase.request;

import static id.go.kapuaskab.lupapassphrase.process.Groups.ADMINS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.APPLICANT;

import id.go.kapuaskab.lupapassphrase.process.Groups;
import id.go.kapuaskab.lupapassphrase.process.ReachableFromDiagram;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens a request at its start event: only a logged-in applicant opens one, for themself, while they
 * have fewer than {@code lupa-passphrase.request.max-open-per-applicant} running (an administrator
 * has no limit), and it gets its request number from the server. What a caller may send with the
 * start (nothing but the start form's fields, no number of their own) is refused before the engine
 * starts anything (security's guarded services); an administrator's own number is kept.
 */
@Component("openRequest")
@ReachableFromDiagram
public class OpenRequestListener implements ExecutionListener {

  private final RequestNumbers numbers;
  private final int maxOpen;

  public OpenRequestListener(RequestNumbers numbers,
      @Value("${lupa-passphrase.request.max-open-per-applicant}") int maxOpen) {
    this.numbers = numbers;
    this.maxOpen = maxOpen;
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
    if (user.getGroupIds() == null || !user.getGroupIds().contains(ADMINS)) {
      long open = openRequestsOf(execution, user.getUserId());
      if (open >= maxOpen) {
        throw new OpenRequestLimitException(open, maxOpen);
      }
    }
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(numbers.next());
    }
  }

  /**
   * The applicant's other running requests, this one not yet written; all of them, whatever the
   * applicant may read. Two starts of one applicant at the same moment both see the same count.
   */
  private static long openRequestsOf(DelegateExecution execution, String userId) {
    CommandContext command = Context.getCommandContext();
    return command.runWithoutAuthorization(() -> execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).variableValueEquals(APPLICANT, userId).count());
  }
}
