package id.go.kapuaskab.lupapassphrase.security;

import id.go.kapuaskab.lupapassphrase.request.InvalidInputException;

/** How a caller other than an administrator may open a request: at its start event, numbered by the server. */
final class StartRules {

  static final String BUSINESS_KEY = "businessKey";

  private StartRules() {
  }

  static void refuseBusinessKey(String businessKey) {
    if (businessKey != null && !businessKey.isBlank()) {
      throw new InvalidInputException(BUSINESS_KEY, "Nomor permohonan dibuat oleh sistem dan tidak boleh diisi.");
    }
  }

  /** Tasklist's start dialog may send an empty business key: that is no key. */
  static String blankAsNone(String businessKey) {
    return businessKey == null || businessKey.isBlank() ? null : businessKey;
  }

  static RefusedCallException notAtTheStartEvent() {
    return new RefusedCallException(RefusedCallException.FORBIDDEN, "Permohonan hanya dapat dibuka pada awal prosesnya, tanpa instruksi mulai "
        + "dan tanpa melewati listener atau pemetaan masukan/keluaran; hanya administrator yang boleh melakukannya.");
  }
}
