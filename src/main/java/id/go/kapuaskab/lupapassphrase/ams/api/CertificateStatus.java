package id.go.kapuaskab.lupapassphrase.ams.api;

/**
 * The contract's certificate status values, those of BSrE's Esign Client Service status check; only
 * ISSUE can sign. A status that rules a passphrase reset out carries its reason, in words for people
 * (a refusal's message).
 */
public enum CertificateStatus {
  ISSUE(null),
  RENEW(null),
  WAITING_FOR_VERIFICATION(null),
  NEW(null),
  EXPIRED("Sertifikat elektronik sudah kedaluwarsa."),
  NO_CERTIFICATE("Pemohon belum memiliki sertifikat elektronik."),
  NOT_REGISTERED("Pemohon tidak terdaftar di AMS."),
  SUSPEND("Sertifikat elektronik sedang dibekukan (suspend)."),
  REVOKE("Sertifikat elektronik sudah dicabut.");

  private final String refusal;

  CertificateStatus(String refusal) {
    this.refusal = refusal;
  }

  /** True when the holder's certificate cannot be reset and the request goes to another SOP. */
  public boolean refusesReset() {
    return refusal != null;
  }

  public String refusal() {
    return refusal;
  }
}
