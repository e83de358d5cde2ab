package id.go.kapuaskab.lupapassphrase.ams.api;

/** AMS's business answer, HTTP 422 (contract schema Refusal): the holder cannot be reset. */
public record RefusalAnswer(CertificateStatus status, String message) {

  public static RefusalAnswer of(CertificateStatus status) {
    return new RefusalAnswer(status, status.refusal());
  }

  /** A refusal names a status that rules the reset out; anything else is not a refusal. */
  public boolean complete() {
    return status != null && status.refusesReset();
  }
}
