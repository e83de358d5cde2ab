package id.go.kapuaskab.lupapassphrase.security;

import id.go.kapuaskab.lupapassphrase.process.ProcessVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Four eyes: a verifier who forgets their own passphrase is an applicant like any other, and another
 * verifier checks their letter. Built into every user task the diagram gives to a candidate group (the
 * verifier's steps), checked as the task ends, inside the completion; the claim is refused before, in
 * {@link GuardedTaskService}.
 */
record OwnRequestRule(IdentityService identity) implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Caller.completing(identity, execution)
        .filter(user -> user.userId().equals(execution.getVariable(ProcessVariables.APPLICANT)))
        .ifPresent(user -> {
          throw refused();
        });
  }

  static RefusedCallException refused() {
    return new RefusedCallException(RefusedCallException.FORBIDDEN,
        "Permohonan Anda sendiri tidak dapat Anda verifikasi; verifikator lain yang memeriksanya.");
  }
}
