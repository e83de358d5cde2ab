package id.go.kapuaskab.lupapassphrase.ams;

import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;

/** A business answer of AMS that rules the reset out; not a fault, so it is not retried. */
public class AmsRefusedException extends RuntimeException {

  private final CertificateStatus status;

  public AmsRefusedException(CertificateStatus status) {
    super(status.refusal());
    this.status = status;
  }

  public CertificateStatus status() {
    return status;
  }

  /** The SOP the holder is sent to instead. */
  public RelatedSop relatedSop() {
    return RelatedSop.forRefusal(status);
  }
}
