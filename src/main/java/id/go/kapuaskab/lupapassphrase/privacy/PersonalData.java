package id.go.kapuaskab.lupapassphrase.privacy;

/** Masks personal data before it reaches a log line (UU PDP 27/2022: keep it minimal). */
public final class PersonalData {

  private PersonalData() {
  }

  /** An identity number (NIK, NIP) with all but its last four digits hidden: ************0001. */
  public static String maskNumber(String number) {
    if (number == null || number.length() <= 4) {
      return "****";
    }
    return "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
  }

  /** An e-mail with the mailbox hidden but its first letter: a***@kapuaskab.go.id. */
  public static String maskEmail(String email) {
    if (email == null) {
      return "***";
    }
    int at = email.indexOf('@');
    if (at <= 0) {
      return "***";
    }
    return email.charAt(0) + "***" + email.substring(at);
  }
}
