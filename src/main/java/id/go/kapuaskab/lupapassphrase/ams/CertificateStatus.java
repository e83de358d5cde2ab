package id.go.kapuaskab.lupapassphrase.ams;

/**
 * Certificate status values of BSrE's Esign Client Service status check; only ISSUE can sign.
 * For a status that rules a passphrase reset out, the refusal and the SOP the holder is sent to.
 */
public enum CertificateStatus {
  ISSUE(null, null),
  RENEW(null, null),
  WAITING_FOR_VERIFICATION(null, null),
  NEW(null, null),
  EXPIRED("Sertifikat elektronik sudah kedaluwarsa.", RelatedSop.ISSUANCE),
  NO_CERTIFICATE("Pemohon belum memiliki sertifikat elektronik.", RelatedSop.ISSUANCE),
  NOT_REGISTERED("Pemohon tidak terdaftar di AMS.", RelatedSop.ISSUANCE),
  SUSPEND("Sertifikat elektronik sedang dibekukan (suspend).", RelatedSop.REVOCATION),
  REVOKE("Sertifikat elektronik sudah dicabut.", RelatedSop.ISSUANCE);

  private final String refusal;
  private final RelatedSop relatedSop;

  CertificateStatus(String refusal, RelatedSop relatedSop) {
    this.refusal = refusal;
    this.relatedSop = relatedSop;
  }

  /** True when the holder's certificate cannot be reset and the request goes to another SOP. */
  public boolean refusesReset() {
    return refusal != null;
  }

  public String refusal() {
    return refusal;
  }

  public RelatedSop relatedSop() {
    return relatedSop;
  }
}
