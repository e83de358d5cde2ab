package id.go.kapuaskab.lupapassphrase.audit;

import id.go.kapuaskab.lupapassphrase.notify.Wib;
import id.go.kapuaskab.lupapassphrase.process.SopStep;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How the SOP was kept period by period, for the auditor's charts: the requests grouped by the month
 * or week (Monday to Sunday) of the day they were opened, in WIB, as the filter's period counts, and
 * each period summed up by {@link ComplianceSummary} itself, so the charts and the tables cannot
 * disagree. Periods without a request between the first and the last are listed empty.
 *
 * @param unit months or weeks
 * @param periods the periods, oldest first
 */
public record ComplianceTrend(Unit unit, List<Period> periods) {

  /** At most this many periods: a chart of more bars is unreadable, and a wider filter asks for months. */
  static final int MAX_PERIODS = 120;

  public enum Unit {
    MONTH, WEEK;

    LocalDate startOf(LocalDate day) {
      return this == MONTH ? day.withDayOfMonth(1) : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    LocalDate next(LocalDate start) {
      return this == MONTH ? start.plusMonths(1) : start.plusWeeks(1);
    }
  }

  /** The filter's requests span more periods than a chart can show. */
  public static final class TooManyPeriods extends RuntimeException {

    TooManyPeriods() {
      super("Lebih dari " + MAX_PERIODS + " periode untuk satu grafik: pilih per bulan atau periode yang lebih pendek.");
    }
  }

  /** One period: its first day and the summary of the requests opened in it. */
  public record Period(LocalDate start, ComplianceSummary summary) {
  }

  static ComplianceTrend of(List<RequestRow> requests, List<StepRun> runs, List<SopStep> newestSteps, Unit unit) {
    TreeMap<LocalDate, List<RequestRow>> byPeriod = new TreeMap<>(requests.stream()
        .collect(Collectors.groupingBy(request -> unit.startOf(LocalDate.ofInstant(request.start(), Wib.ZONE)))));
    Map<String, List<StepRun>> runsByRequest = runs.stream().collect(Collectors.groupingBy(StepRun::requestId));
    List<Period> periods = new ArrayList<>();
    if (!byPeriod.isEmpty()) {
      for (LocalDate start = byPeriod.firstKey(); !start.isAfter(byPeriod.lastKey());
          start = unit.next(start)) {
        if (periods.size() == MAX_PERIODS) {
          throw new TooManyPeriods();
        }
        List<RequestRow> opened = byPeriod.getOrDefault(start, List.of());
        List<StepRun> theirRuns = opened.stream()
            .flatMap(request -> runsByRequest.getOrDefault(request.id(), List.of()).stream()).toList();
        periods.add(new Period(start, ComplianceSummary.of(opened, theirRuns, newestSteps)));
      }
    }
    return new ComplianceTrend(unit, periods);
  }
}
