package id.go.kapuaskab.lupapassphrase.demo;

import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;
import java.time.Instant;
import java.util.List;

/**
 * A made-up person of the local demo: a Tasklist user, an AMS certificate holder, or both.
 *
 * @param userId Camunda user id, or null for a holder who has no account here
 * @param groups Camunda groups of the user
 * @param nik NIK, or null for staff who hold no certificate in the demo
 * @param certificate the holder's certificate status in the sandbox AMS
 * @param validFrom when the holder's current certificate became valid
 */
public record DemoPerson(String userId, String firstName, String lastName, String email, List<String> groups,
    String nik, String nip, CertificateStatus certificate, Instant validFrom) {

  public boolean hasAccount() {
    return userId != null;
  }

  public boolean holdsCertificate() {
    return nik != null;
  }
}
