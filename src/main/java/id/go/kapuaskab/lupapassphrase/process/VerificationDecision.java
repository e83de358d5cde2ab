package id.go.kapuaskab.lupapassphrase.process;

/** The verifier's decision in step 2 (variable verificationDecision): the gateway "Permohonan disetujui?". */
public enum VerificationDecision {
  /** AMS resets the passphrase. */
  APPROVE,
  /** The request goes back to the applicant with the reason. */
  REJECT
}
