package id.go.kapuaskab.lupapassphrase.audit;

import id.go.kapuaskab.lupapassphrase.notify.Wib;
import java.time.LocalDate;
import java.util.Date;

/**
 * Which requests an auditor looks at. Every part is optional. The dates are calendar days in WIB
 * and select by the day the request was opened, both days included.
 *
 * @param from first day
 * @param to last day
 * @param outcome how the request ended, or that it still runs
 * @param breached whether any step overran its standard time
 * @param applicant the user id of the applicant
 * @param businessKey part of the request number (LP-...)
 */
public record RequestFilter(LocalDate from, LocalDate to, Outcome outcome, Boolean breached, String applicant,
    String businessKey) {

  /** The first moment of the first day, or null. */
  public Date openedFrom() {
    return from == null ? null : Date.from(from.atStartOfDay(Wib.ZONE).toInstant());
  }

  /** The last millisecond of the last day (the engine compares inclusively), or null. */
  public Date openedUntil() {
    return to == null ? null : Date.from(to.plusDays(1).atStartOfDay(Wib.ZONE).toInstant().minusMillis(1));
  }
}
