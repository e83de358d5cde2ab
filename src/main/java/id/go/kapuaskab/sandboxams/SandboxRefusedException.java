package id.go.kapuaskab.sandboxams;

import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;

/** The holder's certificate rules the reset out (contract: 422 with a Refusal). */
class SandboxRefusedException extends RuntimeException {

  private final CertificateStatus status;

  SandboxRefusedException(CertificateStatus status) {
    super(status.refusal());
    this.status = status;
  }

  CertificateStatus status() {
    return status;
  }
}
