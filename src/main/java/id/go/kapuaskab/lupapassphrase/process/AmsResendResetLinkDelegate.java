package id.go.kapuaskab.lupapassphrase.process;

import id.go.kapuaskab.lupapassphrase.ams.AmsPort;
import id.go.kapuaskab.lupapassphrase.ams.AmsRefusedException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** SOP step 3: the link did not arrive, so AMS sends it again; the diagram bounds how often. */
@Component(AmsResendResetLinkDelegate.BEAN)
@ReachableFromDiagram
public class AmsResendResetLinkDelegate implements JavaDelegate {

  public static final String BEAN = "amsResendResetLink";

  private final AmsPort ams;

  public AmsResendResetLinkDelegate(AmsPort ams) {
    this.ams = ams;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int resend = (Integer) execution.getVariable(ProcessVariables.LINK_RESEND_COUNT) + 1;
    try {
      ams.resendResetLink(Request.of(execution).holder(), execution.getProcessBusinessKey() + ":resend-" + resend);
    } catch (AmsRefusedException refusal) {
      throw AmsRefusals.toBpmnError(execution, refusal);
    }
    execution.setVariable(ProcessVariables.LINK_RESEND_COUNT, resend);
  }
}
