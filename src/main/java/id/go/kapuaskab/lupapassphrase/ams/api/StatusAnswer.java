package id.go.kapuaskab.lupapassphrase.ams.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.go.kapuaskab.lupapassphrase.ams.CertificateInfo;
import id.go.kapuaskab.lupapassphrase.ams.CertificateStatus;
import java.time.Instant;

/** AMS's answer to a status check (contract schema CertificateStatusAnswer); no dates without a certificate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusAnswer(CertificateStatus status, Instant validFrom, Instant validTo) {

  public static StatusAnswer of(CertificateInfo certificate) {
    return new StatusAnswer(certificate.status(), certificate.validFrom(), certificate.validTo());
  }

  public boolean complete() {
    return status != null;
  }

  public CertificateInfo toCertificateInfo() {
    return new CertificateInfo(status, validFrom, validTo);
  }
}
