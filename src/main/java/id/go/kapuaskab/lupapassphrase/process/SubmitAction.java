package id.go.kapuaskab.lupapassphrase.process;

/** What the applicant does with step 1 (variable submitAction): the diagram's gateway "Ajukan atau batalkan?". */
public enum SubmitAction {
  /** The request goes to the verifier. */
  SUBMIT,
  /** The request ends withdrawn. */
  WITHDRAW
}
