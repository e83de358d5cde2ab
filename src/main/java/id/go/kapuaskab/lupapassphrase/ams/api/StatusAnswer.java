package id.go.kapuaskab.lupapassphrase.ams.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** AMS's answer to a status check (contract schema CertificateStatusAnswer); no dates without a certificate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusAnswer(CertificateStatus status, Instant validFrom, Instant validTo) {

  public boolean complete() {
    return status != null;
  }
}
