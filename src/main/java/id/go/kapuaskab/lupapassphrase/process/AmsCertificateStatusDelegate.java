package id.go.kapuaskab.lupapassphrase.process;

import id.go.kapuaskab.lupapassphrase.ams.AmsPort;
import id.go.kapuaskab.lupapassphrase.ams.AmsRefusedException;
import id.go.kapuaskab.lupapassphrase.ams.CertificateInfo;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * SOP step 4: the request ends "issued" only when AMS reports a certificate issued after the reset;
 * a status that rules the certificate out (revoked, suspended, ...) goes to the verifier.
 */
@Component(AmsCertificateStatusDelegate.BEAN)
@ReachableFromDiagram
public class AmsCertificateStatusDelegate implements JavaDelegate {

  public static final String BEAN = "amsCertificateStatus";

  private final AmsPort ams;

  public AmsCertificateStatusDelegate(AmsPort ams) {
    this.ams = ams;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CertificateInfo certificate = ams.certificateStatus(Request.of(execution).holder());
    if (certificate.status().refusesReset()) {
      throw AmsRefusals.toBpmnError(execution, new AmsRefusedException(certificate.status()));
    }
    Date resetRequestedAt = (Date) execution.getVariable(ProcessVariables.RESET_REQUESTED_AT);
    execution.setVariable(ProcessVariables.CERTIFICATE_STATUS, certificate.status().name());
    execution.setVariable(ProcessVariables.CERTIFICATE_VALID_FROM,
        certificate.validFrom() == null ? null : Date.from(certificate.validFrom()));
    execution.setVariable(ProcessVariables.CERTIFICATE_ISSUED, certificate.issuedSince(resetRequestedAt.toInstant()));
  }
}
