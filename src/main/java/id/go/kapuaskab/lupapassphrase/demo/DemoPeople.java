package id.go.kapuaskab.lupapassphrase.demo;

import static id.go.kapuaskab.lupapassphrase.process.Groups.ADMINS;
import static id.go.kapuaskab.lupapassphrase.process.Groups.APPLICANTS;
import static id.go.kapuaskab.lupapassphrase.process.Groups.AUDITORS;
import static id.go.kapuaskab.lupapassphrase.process.Groups.OPERATORS;
import static id.go.kapuaskab.lupapassphrase.process.Groups.PROCESS_OWNERS;
import static id.go.kapuaskab.lupapassphrase.process.Groups.SUPERVISORS;
import static id.go.kapuaskab.lupapassphrase.process.Groups.VERIFIERS;

import id.go.kapuaskab.lupapassphrase.process.Groups;
import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;
import java.time.Instant;
import java.util.List;

/**
 * The people of the local demo: the Tasklist users, and the certificate holders an applicant may name
 * (the sandbox AMS knows the same holders from its own fixture). All identity numbers are invented;
 * they only follow the NIK and NIP formats.
 */
public final class DemoPeople {

  private static final Instant ISSUED_2025 = Instant.parse("2025-03-01T01:00:00Z");

  public static final DemoPerson ANI = new DemoPerson("ani", "Ani", "Lestari", "ani.lestari@kapuaskab.go.id",
      List.of(APPLICANTS), "6203014507900001", "199007052015032001", CertificateStatus.ISSUE, ISSUED_2025);
  public static final DemoPerson BUDI = new DemoPerson("budi", "Budi", "Santoso", "budi.santoso@kapuaskab.go.id",
      List.of(APPLICANTS), "6203021203880002", "198803122010011002", CertificateStatus.ISSUE, ISSUED_2025);
  public static final DemoPerson VERA = new DemoPerson("vera", "Vera", "Wulandari", "vera.wulandari@kapuaskab.go.id",
      List.of(VERIFIERS), null, null, null, null);
  public static final DemoPerson HENDRA = new DemoPerson("hendra", "Hendra", "Saputra", "hendra.saputra@kapuaskab.go.id",
      List.of(SUPERVISORS), null, null, null, null);
  public static final DemoPerson RINA = new DemoPerson("rina", "Rina", "Marlina", "rina.marlina@kapuaskab.go.id",
      List.of(AUDITORS), null, null, null, null);
  public static final DemoPerson OKI = new DemoPerson("oki", "Oki", "Pratama", "oki.pratama@kapuaskab.go.id",
      List.of(OPERATORS), null, null, null, null);
  public static final DemoPerson PUTU = new DemoPerson("putu", "Putu", "Ardana", "putu.ardana@kapuaskab.go.id",
      List.of(PROCESS_OWNERS), null, null, null, null);
  public static final DemoPerson ADMIN = new DemoPerson("admin", "Admin", "Persandian", "persandian@kapuaskab.go.id",
      List.of(ADMINS), null, null, null, null);

  /** Holders without an account here, whose certificates rule a reset out. */
  public static final DemoPerson CITRA_REVOKED = new DemoPerson(null, "Citra", "Dewi", "citra.dewi@kapuaskab.go.id",
      List.of(), "6203036009850003", "198509202012122003", CertificateStatus.REVOKE, ISSUED_2025);
  public static final DemoPerson DEDI_SUSPENDED = new DemoPerson(null, "Dedi", "Kurniawan", "dedi.kurniawan@kapuaskab.go.id",
      List.of(), "6203041511920004", "199211152019031004", CertificateStatus.SUSPEND, ISSUED_2025);
  public static final DemoPerson EKA_EXPIRED = new DemoPerson(null, "Eka", "Putri", "eka.putri@kapuaskab.go.id",
      List.of(), "6203055203870005", "198703122011012005", CertificateStatus.EXPIRED, Instant.parse("2023-02-01T01:00:00Z"));

  public static final List<DemoPerson> ALL =
      List.of(ANI, BUDI, VERA, HENDRA, RINA, OKI, PUTU, ADMIN, CITRA_REVOKED, DEDI_SUSPENDED, EKA_EXPIRED);

  private DemoPeople() {
  }
}
