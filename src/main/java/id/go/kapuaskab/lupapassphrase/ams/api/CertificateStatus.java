package id.go.kapuaskab.lupapassphrase.ams.api;

/**
 * The contract's certificate status values, those of BSrE's Esign Client Service status check; only
 * ISSUE can sign. Each has its name in words for people, and a status that rules a passphrase reset
 * out carries its reason (a refusal's message).
 */
public enum CertificateStatus {
  ISSUE("terbit dan aktif", null),
  RENEW("sedang diperbarui", null),
  WAITING_FOR_VERIFICATION("menunggu verifikasi", null),
  NEW("baru diajukan", null),
  EXPIRED("kedaluwarsa", "Sertifikat elektronik sudah kedaluwarsa."),
  NO_CERTIFICATE("belum ada sertifikat", "Pemohon belum memiliki sertifikat elektronik."),
  NOT_REGISTERED("tidak terdaftar", "Pemohon tidak terdaftar di AMS."),
  SUSPEND("dibekukan", "Sertifikat elektronik sedang dibekukan (suspend)."),
  REVOKE("dicabut", "Sertifikat elektronik sudah dicabut.");

  private final String words;
  private final String refusal;

  CertificateStatus(String words, String refusal) {
    this.words = words;
    this.refusal = refusal;
  }

  /** "dicabut (REVOKE)": the status in words, with AMS's own code to look it up there; an unknown code as it is. */
  public static String inWords(Object code) {
    for (CertificateStatus status : values()) {
      if (status.name().equals(code)) {
        return status.words + " (" + status.name() + ")";
      }
    }
    return String.valueOf(code);
  }

  /** True when the holder's certificate cannot be reset and the request goes to another SOP. */
  public boolean refusesReset() {
    return refusal != null;
  }

  public String refusal() {
    return refusal;
  }
}
