package id.go.kapuaskab.lupapassphrase.process;

import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.AGENCY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.APPLICANT_NAME;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.NIK;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.NIP;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.OFFICIAL_EMAIL;

import id.go.kapuaskab.lupapassphrase.ams.Holder;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The applicant's identity as submitted in step 1, read from the process variables in one place. */
record Request(String applicantName, String nik, String nip, String officialEmail, String agency) {

  public static Request of(VariableScope scope) {
    return new Request((String) scope.getVariable(APPLICANT_NAME), (String) scope.getVariable(NIK),
        (String) scope.getVariable(NIP), (String) scope.getVariable(OFFICIAL_EMAIL), (String) scope.getVariable(AGENCY));
  }

  /** The certificate holder in AMS: this request is about the applicant's own certificate. */
  public Holder holder() {
    return new Holder(nik, officialEmail);
  }
}
