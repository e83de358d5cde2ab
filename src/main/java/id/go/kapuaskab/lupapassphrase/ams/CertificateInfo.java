package id.go.kapuaskab.lupapassphrase.ams;

import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;
import java.time.Instant;

/** A holder's certificate as AMS reports it; the validity dates are null when there is no certificate. */
public record CertificateInfo(CertificateStatus status, Instant validFrom, Instant validTo) {

  /** Issued by AMS after the given reset: status ISSUE with a validity that starts at or after it. */
  public boolean issuedSince(Instant resetRequestedAt) {
    return status == CertificateStatus.ISSUE && validFrom != null && !validFrom.isBefore(resetRequestedAt);
  }
}
