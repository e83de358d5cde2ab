package id.go.kapuaskab.lupapassphrase.process;

/**
 * The groups the diagram names (its candidate groups) and the rules grant to: each role of the
 * office is one group (security/Roles says what each may do).
 */
public final class Groups {

  public static final String APPLICANTS = "pemohon";
  public static final String VERIFIERS = "verifikator";
  public static final String SUPERVISORS = "kepala-bidang";
  public static final String AUDITORS = "auditor";
  /** Deploys the SOP's diagram and forms from Camunda Modeler and reads what is deployed (deployment/). */
  public static final String PROCESS_OWNERS = "pemilik-proses";
  /** Reads the metrics and the health details (operations/OperatorAccess); no grant in the engine. */
  public static final String OPERATORS = "operator";
  /** Camunda's own administrators' group: everything, everywhere. */
  public static final String ADMINS = "camunda-admin";

  private Groups() {
  }
}
