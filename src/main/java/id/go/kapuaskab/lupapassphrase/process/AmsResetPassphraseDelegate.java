package id.go.kapuaskab.lupapassphrase.process;

import id.go.kapuaskab.lupapassphrase.ams.AmsPort;
import id.go.kapuaskab.lupapassphrase.ams.AmsRefusedException;
import id.go.kapuaskab.lupapassphrase.ams.ResetReceipt;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** SOP step 2: the verifier approved, so AMS resets the holder's passphrase and e-mails the link. */
@Component(AmsResetPassphraseDelegate.BEAN)
@ReachableFromDiagram
public class AmsResetPassphraseDelegate implements JavaDelegate {

  public static final String BEAN = "amsResetPassphrase";

  private final AmsPort ams;

  public AmsResetPassphraseDelegate(AmsPort ams) {
    this.ams = ams;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ResetReceipt receipt;
    try {
      receipt = ams.requestReset(Request.of(execution).holder(), execution.getProcessBusinessKey() + ":reset");
    } catch (AmsRefusedException refusal) {
      throw AmsRefusals.toBpmnError(execution, refusal);
    }
    execution.setVariable(ProcessVariables.RESET_REQUESTED_AT, Date.from(receipt.requestedAt()));
    execution.setVariable(ProcessVariables.LINK_RESEND_COUNT, 0);
  }
}
