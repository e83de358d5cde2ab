package id.go.kapuaskab.lupapassphrase.process;

import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.ACTIVATION_DONE_IN_AMS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.AGREEMENT_ACCEPTED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.APPLICANT;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.IDENTITY_VERIFIED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.LINK_STATUS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.REJECTION_REASON;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SUBMIT_ACTION;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFICATION_DECISION;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFIER_NOTE;

import id.go.kapuaskab.lupapassphrase.request.InvalidInputException;
import id.go.kapuaskab.lupapassphrase.request.RequestRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Checks what a user task is completed with, on the server, whichever client completed it. It runs
 * as the task's end listener so that a refusal rolls the completion back: the task stays open and
 * nothing saved before is lost.
 */
@Component("taskInputCheck")
public class TaskInputCheck implements ExecutionListener {

  private final RequestRules rules;
  private final Map<String, Consumer<VariableScope>> rulesByTask;

  public TaskInputCheck(RequestRules rules) {
    this.rules = rules;
    this.rulesByTask = Map.of(
        ProcessIds.TASK_SUBMIT_REQUEST, this::checkSubmitRequest,
        ProcessIds.TASK_VERIFY_REQUEST, this::checkVerification,
        ProcessIds.TASK_CONFIRM_LINK_RECEIVED, this::checkLinkConfirmation,
        ProcessIds.TASK_SET_NEW_PASSPHRASE, this::checkActivation,
        ProcessIds.TASK_REVIEW_AMS_REFUSAL, this::checkRefusalReview);
  }

  @Override
  public void notify(DelegateExecution execution) {
    // a timer or a cancellation that ends the task carries no input to check
    if (execution.isCanceled()) {
      return;
    }
    rules.refuseCredentials(execution.getVariableNames());
    checkApplicantUnchanged(execution);
    Consumer<VariableScope> check = rulesByTask.get(execution.getCurrentActivityId());
    if (check == null) {
      throw new IllegalStateException("No input rules for user task " + execution.getCurrentActivityId());
    }
    check.accept(execution);
  }

  /** Applicant tasks are assigned through this variable, so nobody may point it at someone else. */
  private void checkApplicantUnchanged(DelegateExecution execution) {
    HistoricProcessInstance request = execution.getProcessEngineServices().getHistoryService()
        .createHistoricProcessInstanceQuery().processInstanceId(execution.getProcessInstanceId()).singleResult();
    if (request != null && !Objects.equals(request.getStartUserId(), execution.getVariable(APPLICANT))) {
      throw new InvalidInputException(APPLICANT, "Pemohon tidak boleh diubah.");
    }
  }

  private void checkSubmitRequest(VariableScope scope) {
    String action = oneOf(scope, SUBMIT_ACTION, "Tindakan", List.of("SUBMIT", "WITHDRAW"));
    if (action.equals("SUBMIT")) {
      rules.checkRequest(scope);
    }
  }

  private void checkVerification(VariableScope scope) {
    String decision = oneOf(scope, VERIFICATION_DECISION, "Keputusan", List.of("APPROVE", "REJECT"));
    if (decision.equals("APPROVE")) {
      requireTrue(scope, IDENTITY_VERIFIED, "Kecocokan identitas dan tanda tangan harus dikonfirmasi.");
    } else {
      rules.requireText(scope, REJECTION_REASON, "Alasan penolakan", 500);
    }
  }

  private void checkLinkConfirmation(VariableScope scope) {
    oneOf(scope, LINK_STATUS, "Konfirmasi tautan", List.of("RECEIVED", "NOT_RECEIVED"));
  }

  private void checkActivation(VariableScope scope) {
    requireTrue(scope, ACTIVATION_DONE_IN_AMS, "Konfirmasi bahwa passphrase baru sudah dibuat di AMS.");
    requireTrue(scope, AGREEMENT_ACCEPTED, "Perjanjian pemilik sertifikat elektronik harus disetujui.");
  }

  private void checkRefusalReview(VariableScope scope) {
    rules.requireText(scope, VERIFIER_NOTE, "Catatan untuk pemohon", 500);
  }

  private String oneOf(VariableScope scope, String field, String label, List<String> allowed) {
    String value = rules.requireText(scope, field, label, 20);
    if (!allowed.contains(value)) {
      throw new InvalidInputException(field, label + " harus salah satu dari " + String.join(", ", allowed) + ".");
    }
    return value;
  }

  private static void requireTrue(VariableScope scope, String field, String message) {
    if (!Boolean.TRUE.equals(scope.getVariable(field))) {
      throw new InvalidInputException(field, message);
    }
  }
}
