package id.go.kapuaskab.lupapassphrase.ams;

import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;

/** The SOPs a holder is sent to when a passphrase reset cannot help. */
public enum RelatedSop {
  ISSUANCE("SOP Pendaftaran dan Penerbitan Sertifikat Elektronik"),
  REVOCATION("SOP Pencabutan Sertifikat Elektronik melalui AMS");

  private final String title;

  RelatedSop(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** A suspended certificate is revoked; without a usable one the holder applies for a new certificate. */
  static RelatedSop forRefusal(CertificateStatus status) {
    return status == CertificateStatus.SUSPEND ? REVOCATION : ISSUANCE;
  }
}
