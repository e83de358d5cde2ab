package id.go.kapuaskab.lupapassphrase.ams;

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
}
