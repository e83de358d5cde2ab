package id.go.kapuaskab.lupapassphrase.audit;

import id.go.kapuaskab.lupapassphrase.process.ProcessIds;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/** How a request ended, read from the end event it reached; a request not yet ended is "berjalan". */
public enum Outcome {
  DITERBITKAN(ProcessIds.END_CERTIFICATE_ISSUED),
  DITOLAK(ProcessIds.END_REQUEST_REJECTED),
  DIBATALKAN(ProcessIds.END_REQUEST_WITHDRAWN),
  KEDALUWARSA(ProcessIds.END_REQUEST_EXPIRED),
  BERJALAN(null),
  /** Ended without reaching an end event of the SOP: deleted or cancelled by an administrator. */
  DIHENTIKAN(null);

  private final String endEventId;

  Outcome(String endEventId) {
    this.endEventId = endEventId;
  }

  /** The end event that marks this outcome, or null for the two that have none. */
  public String endEventId() {
    return endEventId;
  }

  /** The lower-case word used in filters, the CSV and the page ("diterbitkan", ...). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Outcome of(HistoricProcessInstance request) {
    if (request.getEndTime() == null) {
      return BERJALAN;
    }
    return Arrays.stream(values())
        .filter(outcome -> outcome.endEventId != null && outcome.endEventId.equals(request.getEndActivityId()))
        .findFirst().orElse(DIHENTIKAN);
  }

  public static Optional<Outcome> byCode(String code) {
    return Arrays.stream(values()).filter(outcome -> outcome.code().equals(code)).findFirst();
  }
}
