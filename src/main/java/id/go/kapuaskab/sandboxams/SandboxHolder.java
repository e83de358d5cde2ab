package id.go.kapuaskab.sandboxams;

import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;
import java.time.Instant;

/** A certificate holder as the sandbox AMS keeps them; the validity dates are null without a certificate. */
record SandboxHolder(String nik, String email, String name, CertificateStatus status, Instant validFrom, Instant validTo) {
}
